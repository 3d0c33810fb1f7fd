package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.junit.jupiter.api.Test;

/** The frame reader alone, on bytes: what it delivers, what it refuses, and that it goes on. */
class FrameReaderTest {
    final List<String> delivered = new ArrayList<>();
    final List<String> refused = new ArrayList<>();

    private void read(String bytes, boolean throwOnFirst) {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.UTF_8)),
                new MessageJsonHandler(Map.of()), (Message m, List<MessageIssue> issues) ->
                refused.add(((RequestMessage) m).getId() + " " + issues.get(0).getIssueCode()));
        reader.listen(m -> {
            String name = m instanceof RequestMessage r ? r.getMethod() + " " + r.getId()
                    : ((NotificationMessage) m).getMethod();
            delivered.add(name);
            if (throwOnFirst && delivered.size() == 1) {
                throw new StackOverflowError("a handler overflowed");
            }
        });
    }

    private static String request(int id) {
        return RawClient.frame(RawClient.request(id, "m", "{}"));
    }

    @Test
    void aHandlerThatThrowsAnErrorDoesNotStopTheReader() {
        read(request(1) + request(2), true);
        assertEquals(List.of("m 1", "m 2"), delivered);
    }

    @Test
    void readingResumesAtTheNextContentLengthAfterEachKindOfBadFrame() {
        read("Content-Length: abc\r\n\r\n{\"x\":1}" + request(1)
                + "Content-Type: text/plain\r\n\r\n{}" + request(2)
                + "{\"jsonrpc\":\"2.0\"}garbage" + request(3)
                + "\r\n\r\n" + request(4)
                + "Content-Length: -1\r\n\r\n" + request(5)
                + "content-length: 17\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"
                + "{\"method\":\"n\"}   " + request(6), false);
        assertEquals(List.of("m 1", "m 2", "m 3", "m 4", "m 5", "n", "m 6"), delivered);
    }

    @Test
    void aDeepRequestIsRefusedWithItsIdAndADeepNotificationIsDropped() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        read(RawClient.frame("{\"jsonrpc\":\"2.0\",\"id\":\"x-7\",\"method\":\"m\",\"params\":" + deep + "}")
                + RawClient.frame("{\"jsonrpc\":\"2.0\",\"method\":\"n\",\"params\":" + deep + "}")
                + request(1), false);
        assertEquals(List.of("x-7 -32600"), refused);
        assertEquals(List.of("m 1"), delivered);
    }

    @Test
    void depthCountsArraysAndObjectsOutsideStrings() {
        assertEquals(0, FrameReader.depth("1"));
        assertEquals(3, FrameReader.depth("{\"a\":[{}]}"));
        assertEquals(1, FrameReader.depth("{\"a\":\"[[[{{{\\\"[[[\"}"));
    }

    @Test
    void theOutlineOfARequestIsItsIdAndMethod() {
        RequestMessage r = FrameReader.outline("{\"params\":[[[1]]],\"method\":\"m\",\"jsonrpc\":\"2.0\",\"id\":12}");
        assertEquals("12", r.getId());
        assertEquals("m", r.getMethod());
        assertNull(FrameReader.outline("{\"method\":\"m\"}"), "a notification has nobody to answer");
        assertNull(FrameReader.outline("not json"));
    }
}
