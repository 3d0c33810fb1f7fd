package org.vaultls.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A client that writes raw bytes to the real server over pipes and reads its frames back, for what
 * an lsp4j client would never send: broken headers, bodies without a frame, deep nesting.
 */
final class RawClient implements AutoCloseable {
    final List<JsonObject> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final OutputStream toServer;
    private final InputStream fromServer;

    RawClient() throws IOException {
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        toServer = Channels.newOutputStream(up.sink());
        fromServer = Channels.newInputStream(down.source());
        ServerLauncher.start(Channels.newInputStream(up.source()), Channels.newOutputStream(down.sink()),
                exitCode::complete);
        Thread reader = new Thread(this::readFrames, "raw-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends bytes exactly as given. */
    void raw(String bytes) throws IOException {
        toServer.write(bytes.getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    /** Sends one well-formed frame. */
    void send(String json) throws IOException {
        raw(frame(json));
    }

    static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    static String request(int id, String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}";
    }

    static String notification(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\"" + (params == null ? "" : ",\"params\":" + params)
                + "}";
    }

    /** Sends initialize (no workspace folders) and initialized, and waits for the answer. */
    JsonObject initialize(int id) throws Exception {
        send(request(id, "initialize", "{\"capabilities\":{}}"));
        JsonObject answer = answer(id);
        send(notification("initialized", "{}"));
        return answer;
    }

    JsonObject initialize(int id, Path vault) throws Exception {
        String uri = vault.toAbsolutePath().normalize().toUri().toString();
        send(request(id, "initialize", "{\"capabilities\":{},\"workspaceFolders\":[{\"uri\":\"" + uri
                + "\",\"name\":\"v\"}]}"));
        JsonObject answer = answer(id);
        send(notification("initialized", "{}"));
        return answer;
    }

    /** The server's answer to request {@code id}, waiting up to 10 s. */
    JsonObject answer(int id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (JsonObject m : received) {
                if (m.has("id") && !m.has("method") && m.get("id").isJsonPrimitive()
                        && m.get("id").getAsString().equals(String.valueOf(id))) {
                    return m;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no answer to request " + id + "; received " + received);
    }

    /** The error code of the answer to {@code id}, after checking the answer carries no stack trace. */
    int errorCode(int id) throws InterruptedException {
        JsonObject a = answer(id);
        if (!a.has("error")) {
            throw new AssertionError("expected an error answer to " + id + ", got " + a);
        }
        JsonObject error = a.getAsJsonObject("error");
        if (error.has("data") && !error.get("data").isJsonNull()) {
            throw new AssertionError("an error answer carries data (a stack trace?): " + a);
        }
        if (error.get("message").getAsString().contains("\tat ")) {
            throw new AssertionError("an error message carries a stack trace: " + a);
        }
        return error.get("code").getAsInt();
    }

    private void readFrames() {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int c = fromServer.read();
                    if (c < 0) {
                        return;
                    }
                    if (c == '\n') {
                        String l = line.toString().strip();
                        line.setLength(0);
                        if (l.isEmpty()) {
                            break;
                        }
                        if (l.startsWith("Content-Length:")) {
                            length = Integer.parseInt(l.substring("Content-Length:".length()).trim());
                        }
                    } else {
                        line.append((char) c);
                    }
                }
                byte[] body = fromServer.readNBytes(length);
                received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException e) {
            // the server closed its end
        }
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}
