package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.RawClient.frame;
import static org.vaultls.lsp.RawClient.request;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad frames over a real stream: each is skipped, and the next well-formed request is answered. */
@Timeout(60)
class TransportTest {
    RawClient client;

    @BeforeEach
    void start() throws Exception {
        client = new RawClient();
        client.initialize(1);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private void assertStillAnswers(int id) throws Exception {
        client.send(request(id, "workspace/symbol", "{\"query\":\"x\"}"));
        assertTrue(client.answer(id).has("result"), "answers request " + id + " after the bad frame");
    }

    @Test
    void aContentLengthThatIsNotANumberIsSkipped() throws Exception {
        client.raw("Content-Length: abc\r\n\r\n" + request(2, "workspace/symbol", "{\"query\":\"x\"}"));
        assertStillAnswers(3);
        assertStillAnswers(4);
    }

    @Test
    void aHeaderBlockWithoutContentLengthIsSkipped() throws Exception {
        client.raw("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
                + request(2, "workspace/symbol", "{\"query\":\"x\"}"));
        assertStillAnswers(3);
        assertStillAnswers(4);
    }

    @Test
    void aBodyWithoutAnyHeaderIsSkipped() throws Exception {
        client.raw(request(2, "workspace/symbol", "{\"query\":\"x\"}"));
        assertStillAnswers(3);
    }

    @Test
    void aBodyWithANewlineAndNoHeaderIsSkipped() throws Exception {
        client.raw("{\"jsonrpc\":\r\n\r\n\"2.0\"}\n");
        assertStillAnswers(3);
    }

    @Test
    void aNegativeOrHugeContentLengthIsSkipped() throws Exception {
        client.raw("Content-Length: -5\r\n\r\n{}");
        assertStillAnswers(3);
        client.raw("Content-Length: 99999999999999\r\n\r\n{}");
        assertStillAnswers(4);
    }

    @Test
    void aBodyThatIsNotJsonIsSkipped() throws Exception {
        client.raw(frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"));
        client.raw(frame("this is not json"));
        assertStillAnswers(3);
    }

    @Test
    void aRequestNestedTooDeeplyGetsAnErrorAnswer() throws Exception {
        int levels = 3_000;
        String deep = "[".repeat(levels) + "]".repeat(levels);
        client.send(request(2, "workspace/symbol", "{\"query\":\"x\",\"deep\":" + deep + "}"));
        assertEquals(-32600, client.errorCode(2));
        assertTrue(client.answer(2).getAsJsonObject("error").get("message").getAsString().contains("3002 levels"),
                client.answer(2).toString());
        assertStillAnswers(3);
    }

    @Test
    void aNotificationNestedTooDeeplyIsDropped() throws Exception {
        String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        client.send(RawClient.notification("workspace/didChangeConfiguration", "{\"settings\":" + deep + "}"));
        assertStillAnswers(3);
    }

    @Test
    void messagesNestedAsDeepAsTheLimitAreRead() throws Exception {
        int levels = FrameReader.MAX_DEPTH - 2; // the message and its params are two levels
        String deep = "[".repeat(levels) + "]".repeat(levels);
        client.send(request(2, "workspace/symbol", "{\"query\":\"x\",\"deep\":" + deep + "}"));
        assertTrue(client.answer(2).has("result"), client.answer(2).toString());
    }

    @Test
    void framesSplitAcrossWritesAndBatchedInOneWriteAreRead() throws Exception {
        String a = frame(request(2, "workspace/symbol", "{\"query\":\"x\"}"));
        client.raw(a.substring(0, 7));
        Thread.sleep(20);
        client.raw(a.substring(7) + frame(request(3, "workspace/symbol", "{\"query\":\"y\"}")));
        assertTrue(client.answer(2).has("result"));
        assertTrue(client.answer(3).has("result"));
    }
}
