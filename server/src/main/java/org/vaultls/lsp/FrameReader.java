package org.vaultls.lsp;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads the client's frames ({@code Content-Length} header, a blank line, a JSON body) in place of
 * lsp4j's {@code StreamMessageProducer}, which loses its place after one bad header and never
 * answers again. Here a frame with a malformed header block (a length that is not a number, no
 * length at all, a line that is not a header) is logged and skipped: the reader looks for the next
 * {@code Content-Length:} in the stream and carries on from there. A body nested deeper than
 * {@link #MAX_DEPTH} is refused before it is parsed, with an error answer when it was a request.
 * Nothing a handler throws, not even an {@code Error}, stops the reader.
 */
final class FrameReader implements MessageProducer, Closeable {
    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());
    /** Deepest JSON nesting read; LSP messages are a few levels deep, Gson stops at 255. */
    static final int MAX_DEPTH = 200;
    /** Largest body read (a note of 64 MiB is far beyond what an editor sends). */
    static final int MAX_CONTENT_LENGTH = 64 << 20;
    private static final int MAX_HEADER_LINE = 4096;
    private static final String CONTENT_LENGTH = "content-length:";

    private final InputStream in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private volatile boolean running = true;
    /** The start of the next header line, found while looking for a frame. */
    private String carry = "";

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues) {
        this.in = new BufferedInputStream(in);
        this.json = json;
        this.issues = issues;
    }

    @Override
    public void listen(MessageConsumer callback) {
        try {
            while (running) {
                byte[] body = nextFrame();
                if (body == null) {
                    return; // the client closed the stream
                }
                dispatch(new String(body, StandardCharsets.UTF_8), callback);
            }
        } catch (IOException e) {
            if (running) {
                LOG.fine(() -> "input ended: " + e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            in.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing input: " + e);
        }
    }

    // ---- frames -------------------------------------------------------------------------------

    /** The body of the next well-formed frame, skipping malformed ones; null at the end of input. */
    private byte[] nextFrame() throws IOException {
        while (true) {
            int length = -1;
            String problem = null;
            int headers = 0;
            while (true) {
                String line = readLine();
                if (line == null) {
                    return null;
                }
                if (line.isEmpty()) {
                    if (headers == 0) {
                        continue; // blank lines between frames
                    }
                    break;
                }
                int at = line.toLowerCase(Locale.ROOT).indexOf(CONTENT_LENGTH);
                if (at > 0) {
                    // the rest of a broken frame, then a new frame's header
                    String junk = line.substring(0, at);
                    LOG.warning(() -> "skipped " + junk.length() + " bytes that were not a frame: " + abbreviate(junk));
                    line = line.substring(at);
                    length = -1;
                    problem = null;
                    headers = 0;
                }
                headers++;
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line.substring(0, colon))) {
                    if (problem == null) {
                        problem = "a line that is not a header: " + abbreviate(line);
                    }
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    try {
                        length = Integer.parseInt(value);
                        if (length < 0) {
                            problem = "Content-Length " + length + " is negative";
                        }
                    } catch (NumberFormatException e) {
                        problem = "Content-Length " + abbreviate(value) + " is not a number";
                    }
                }
            }
            if (problem == null && length < 0) {
                problem = "a header block without Content-Length";
            }
            if (problem == null && length > MAX_CONTENT_LENGTH) {
                int n = length;
                LOG.warning(() -> "skipped a message of " + n + " bytes (the limit is " + MAX_CONTENT_LENGTH + ")");
                try {
                    in.skipNBytes(n);
                } catch (java.io.EOFException e) {
                    return null;
                }
                continue;
            }
            if (problem == null) {
                byte[] body = in.readNBytes(length);
                return body.length == length ? body : null;
            }
            String p = problem;
            LOG.warning(() -> "skipped a malformed frame (" + p + "); reading on from the next Content-Length header");
            if (!resync()) {
                return null;
            }
        }
    }

    /** Reads up to the next {@code Content-Length:} and keeps it for {@link #readLine}; false at the end. */
    private boolean resync() throws IOException {
        int matched = 0;
        long read = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return false;
            }
            read++;
            char ch = Character.toLowerCase((char) c);
            if (ch == CONTENT_LENGTH.charAt(matched)) {
                matched++;
                if (matched == CONTENT_LENGTH.length()) {
                    long n = read - matched;
                    LOG.fine(() -> "found the next frame after " + n + " bytes");
                    carry = "Content-Length:";
                    return true;
                }
            } else {
                matched = ch == CONTENT_LENGTH.charAt(0) ? 1 : 0; // 'c' occurs only first in the pattern
            }
        }
    }

    /**
     * One header line without its line break, or null at the end of input. A line longer than any
     * header is cut short; the rest is read as the next line, and the frame is malformed.
     */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String prefix = carry;
        carry = "";
        while (line.size() < MAX_HEADER_LINE) {
            int c = in.read();
            if (c < 0) {
                return prefix.isEmpty() && line.size() == 0 ? null : prefix + line.toString(StandardCharsets.UTF_8);
            }
            if (c == '\n') {
                break;
            }
            line.write(c);
        }
        String s = prefix + line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isToken(String name) {
        String n = name.trim();
        if (n.isEmpty()) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_') || c > 127) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (one.length() > 60 ? one.substring(0, 60) + "…" : one) + "'";
    }

    // ---- messages -----------------------------------------------------------------------------

    private void dispatch(String content, MessageConsumer callback) {
        int depth = depth(content);
        if (depth > MAX_DEPTH) {
            refuse(content, ResponseErrorCode.InvalidRequest, "message nested " + depth
                    + " levels deep; vault-ls reads at most " + MAX_DEPTH);
            return;
        }
        Message message;
        try {
            message = json.parseMessage(content);
        } catch (MessageIssueException e) {
            answer(e);
            return;
        } catch (RuntimeException | StackOverflowError e) {
            refuse(content, ResponseErrorCode.ParseError, "message is not JSON-RPC: " + e.getMessage());
            return;
        }
        try {
            callback.consume(message);
        } catch (MessageIssueException e) {
            answer(e);
        } catch (Throwable t) {
            // the reader must survive whatever a handler does, or the server goes deaf
            LOG.log(Level.SEVERE, "handling " + describe(message) + " failed", t);
        }
    }

    /** Answers a message lsp4j found fault with, without the exception it would send as data. */
    private void answer(MessageIssueException e) {
        List<MessageIssue> plain = e.getIssues().stream()
                .map(i -> new MessageIssue(i.getText(), i.getIssueCode())).toList();
        LOG.warning(() -> "refused " + describe(e.getRpcMessage()) + ": " + plain);
        try {
            issues.handle(e.getRpcMessage(), plain);
        } catch (RuntimeException x) {
            LOG.log(Level.WARNING, "cannot answer a refused message", x);
        }
    }

    /** Logs why a body is refused and, when it was a request, answers its id with the error. */
    private void refuse(String content, ResponseErrorCode code, String why) {
        RequestMessage request = outline(content);
        LOG.warning(() -> "refused " + (request == null ? "a message" : describe(request)) + ": " + why);
        if (request == null) {
            return;
        }
        try {
            issues.handle(request, List.of(new MessageIssue(why, code.getValue())));
        } catch (RuntimeException x) {
            LOG.log(Level.WARNING, "cannot answer a refused message", x);
        }
    }

    private static String describe(Message m) {
        if (m instanceof RequestMessage r) {
            return "request " + r.getId() + " " + r.getMethod();
        }
        if (m instanceof org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage n) {
            return "notification " + n.getMethod();
        }
        return m == null ? "a message" : m.getClass().getSimpleName();
    }

    /** The deepest nesting of arrays and objects in a JSON text, in one pass (strings skipped). */
    static int depth(String json) {
        int depth = 0;
        int max = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return max;
    }

    /** The id and method of a request, read without building its params; null if it is not one. */
    static RequestMessage outline(String content) {
        try (JsonReader r = new JsonReader(new StringReader(content))) {
            r.setNestingLimit(Integer.MAX_VALUE); // skipValue keeps its own stack, it does not recurse
            r.beginObject();
            Either<String, Number> id = null;
            String method = null;
            while (r.hasNext()) {
                String name = r.nextName();
                JsonToken t = r.peek();
                if (name.equals("id") && t == JsonToken.STRING) {
                    id = Either.forLeft(r.nextString());
                } else if (name.equals("id") && t == JsonToken.NUMBER) {
                    String n = r.nextString();
                    id = Either.forRight(n.contains(".") ? Double.valueOf(n) : (Number) Long.valueOf(n));
                } else if (name.equals("method") && t == JsonToken.STRING) {
                    method = r.nextString();
                } else {
                    r.skipValue();
                }
            }
            if (id == null || method == null) {
                return null;
            }
            RequestMessage m = new RequestMessage();
            m.setJsonrpc("2.0");
            m.setRawId(id);
            m.setMethod(method);
            return m;
        } catch (IOException | RuntimeException e) {
            return null; // not even the outline of a request: nobody to answer
        }
    }
}
