package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.RawClient.notification;
import static org.vaultls.lsp.RawClient.request;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The LSP lifecycle and JSON-RPC error codes, over a real stream. */
@Timeout(60)
class ProtocolConformanceTest {
    static final String HOVER = "{\"textDocument\":{\"uri\":\"file:///nowhere/a.md\"},\"position\":{\"line\":0,\"character\":0}}";

    @TempDir
    Path tmp;
    RawClient client;

    @BeforeEach
    void start() throws Exception {
        client = new RawClient();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    @Test
    void aRequestBeforeInitializeGetsServerNotInitialized() throws Exception {
        client.send(request(1, "textDocument/hover", HOVER));
        assertEquals(-32002, client.errorCode(1));
        client.send(request(2, "shutdown", null));
        assertEquals(-32002, client.errorCode(2));
        assertTrue(client.initialize(3).has("result"), "initialize still works afterwards");
    }

    @Test
    void notificationsBeforeInitializeAreDroppedButExitIsNot() throws Exception {
        client.send(notification("textDocument/didOpen", "{\"textDocument\":{\"uri\":\"file:///x/a.md\","
                + "\"languageId\":\"markdown\",\"version\":1,\"text\":\"x\"}}"));
        client.send(notification("exit", null));
        assertEquals(1, client.exitCode.get(10, TimeUnit.SECONDS), "exit without shutdown ends with 1");
    }

    @Test
    void aSecondInitializeIsRefused() throws Exception {
        client.initialize(1);
        client.send(request(2, "initialize", "{\"capabilities\":{}}"));
        assertEquals(-32600, client.errorCode(2));
    }

    @Test
    void requestsAfterShutdownAreInvalidAndExitEndsWithZero() throws Exception {
        client.initialize(1);
        client.send(request(2, "shutdown", null));
        assertTrue(client.answer(2).has("result"));
        client.send(request(3, "textDocument/hover", HOVER));
        assertEquals(-32600, client.errorCode(3));
        client.send(request(4, "shutdown", null));
        assertEquals(-32600, client.errorCode(4));
        client.send(notification("exit", null));
        assertEquals(0, client.exitCode.get(10, TimeUnit.SECONDS));
    }

    @Test
    void nullOrMissingParamsAreInvalidParams() throws Exception {
        client.initialize(1);
        client.send(request(2, "textDocument/hover", "null"));
        client.send(request(3, "textDocument/hover", null));
        client.send(request(4, "workspace/symbol", null));
        client.send(request(5, "textDocument/references", "null"));
        assertEquals(-32602, client.errorCode(2));
        assertEquals(-32602, client.errorCode(3));
        assertEquals(-32602, client.errorCode(4));
        assertEquals(-32602, client.errorCode(5));
    }

    @Test
    void paramsMissingTheirDocumentOrPositionAreInvalidParams() throws Exception {
        client.initialize(1, LspHarness.copyVault(Path.of("..", "test-vault"), tmp.resolve("vault")));
        String uri = tmp.resolve("vault").resolve("Daily/2025-11-14.md").toUri().toString();
        client.send(request(2, "textDocument/hover", "{}"));
        client.send(request(3, "textDocument/hover", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"));
        client.send(request(4, "textDocument/definition", "{\"position\":{\"line\":0,\"character\":0}}"));
        client.send(request(5, "textDocument/codeAction", "{\"textDocument\":{\"uri\":\"" + uri + "\"}}"));
        assertEquals(-32602, client.errorCode(2));
        assertEquals(-32602, client.errorCode(3));
        assertEquals(-32602, client.errorCode(4));
        assertEquals(-32602, client.errorCode(5));
    }

    @Test
    void paramsOfTheWrongShapeAreAnsweredWithoutAStackTrace() throws Exception {
        client.initialize(1);
        client.send(request(2, "textDocument/hover", "{\"textDocument\":\"no\",\"position\":[1]}"));
        int code = client.errorCode(2);
        assertTrue(code == -32602 || code == -32700, "code " + code);
    }

    @Test
    void anUnimplementedRequestIsMethodNotFound() throws Exception {
        client.initialize(1);
        client.send(request(2, "textDocument/typeDefinition", "{\"textDocument\":{\"uri\":\"file:///x/a.md\"}}"));
        client.send(request(3, "textDocument/formatting", "{\"textDocument\":{\"uri\":\"file:///x/a.md\"}}"));
        client.send(request(4, "vault-ls/nothing", "{}"));
        assertEquals(-32601, client.errorCode(2));
        assertEquals(-32601, client.errorCode(3));
        assertEquals(-32601, client.errorCode(4));
    }

    @Test
    void theGateKnowsWhichMethodsTheServerImplements() {
        var methods = ProtocolGate.implementedMethods(new VaultLanguageServer(code -> { }));
        assertTrue(methods.containsKey("textDocument/hover"), methods.toString());
        assertTrue(methods.containsKey("workspace/willRenameFiles"), methods.toString());
        assertTrue(methods.containsKey("initialize"), methods.toString());
        assertEquals(false, methods.get("shutdown"));
        assertTrue(methods.containsKey("textDocument/codeLens"), methods.toString());
        assertTrue(!methods.containsKey("textDocument/typeDefinition"), "typeDefinition is lsp4j's default, not ours");
    }
}
