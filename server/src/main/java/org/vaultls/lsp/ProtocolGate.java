package org.vaultls.lsp;

import com.google.gson.JsonNull;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The LSP lifecycle, applied to every message from the client before lsp4j dispatches it:
 * <ul>
 *   <li>before {@code initialize}: requests get -32002 (ServerNotInitialized), notifications other
 *       than {@code exit} are dropped;</li>
 *   <li>a second {@code initialize} gets -32600 (InvalidRequest);</li>
 *   <li>after {@code shutdown}: requests get -32600, notifications other than {@code exit} are dropped;</li>
 *   <li>a method the server does not implement gets -32601 (MethodNotFound), also for the ones
 *       lsp4j declares with a default body that throws;</li>
 *   <li>a request without the params its method takes gets -32602 (InvalidParams); such a
 *       notification is dropped.</li>
 * </ul>
 * Responses to the server's own requests always pass.
 */
final class ProtocolGate implements MessageConsumer {
    private static final Logger LOG = Logger.getLogger(ProtocolGate.class.getName());
    /** Methods whose params may be absent: {@code initialized} carries an empty object at most. */
    private static final Set<String> PARAMS_OPTIONAL = Set.of("initialized", "exit", "shutdown");

    private enum State { NEW, RUNNING, SHUT_DOWN }

    private final MessageConsumer next;
    private final MessageIssueHandler answer;
    /** The methods the server implements, each with whether it takes params. */
    private final Map<String, Boolean> implemented;
    private volatile State state = State.NEW;

    ProtocolGate(MessageConsumer next, MessageIssueHandler answer, Object server) {
        this.next = next;
        this.answer = answer;
        this.implemented = implementedMethods(server);
    }

    @Override
    public void consume(Message message) {
        if (message instanceof RequestMessage r) {
            request(r);
        } else if (message instanceof NotificationMessage n) {
            notification(n);
        } else {
            next.consume(message);
        }
    }

    private void request(RequestMessage r) {
        String method = r.getMethod();
        boolean initialize = "initialize".equals(method);
        if (state == State.NEW && !initialize) {
            refuse(r, ResponseErrorCode.ServerNotInitialized, "the server is not initialized: send initialize first");
        } else if (state != State.NEW && initialize) {
            refuse(r, ResponseErrorCode.InvalidRequest, "the server is already initialized");
        } else if (state == State.SHUT_DOWN) {
            refuse(r, ResponseErrorCode.InvalidRequest, "the server is shut down: only exit is accepted");
        } else if (!implemented.containsKey(method)) {
            refuse(r, ResponseErrorCode.MethodNotFound, "vault-ls does not implement " + method);
        } else if (implemented.get(method) && absent(r.getParams()) && !PARAMS_OPTIONAL.contains(method)) {
            refuse(r, ResponseErrorCode.InvalidParams, method + " needs params");
        } else {
            if (initialize) {
                state = State.RUNNING;
            } else if ("shutdown".equals(method)) {
                state = State.SHUT_DOWN;
            }
            next.consume(r);
        }
    }

    private void notification(NotificationMessage n) {
        String method = n.getMethod();
        if ("exit".equals(method)) {
            next.consume(n);
        } else if (state != State.RUNNING) {
            LOG.fine(() -> "dropped " + method + ": the server is " + (state == State.NEW ? "not initialized" : "shut down"));
        } else if (Boolean.TRUE.equals(implemented.get(method)) && absent(n.getParams())
                && !PARAMS_OPTIONAL.contains(method)) {
            LOG.warning(() -> "dropped " + method + ": it needs params");
        } else {
            next.consume(n);
        }
    }

    private static boolean absent(Object params) {
        return params == null || params instanceof JsonNull;
    }

    private void refuse(RequestMessage r, ResponseErrorCode code, String why) {
        LOG.fine(() -> "refused request " + r.getId() + " " + r.getMethod() + ": " + why);
        answer.handle(r, List.of(new MessageIssue(why, code.getValue())));
    }

    /**
     * The JSON-RPC methods {@code server} (and the services it delegates to) implement: those
     * declared by its lsp4j interfaces and not left to the interface's default body.
     */
    static Map<String, Boolean> implementedMethods(Object server) {
        Map<String, Boolean> out = new HashMap<>();
        collect(server, out, new HashSet<>());
        return Map.copyOf(out);
    }

    private static void collect(Object service, Map<String, Boolean> out, Set<Object> seen) {
        if (service == null || !seen.add(service)) {
            return;
        }
        Class<?> impl = service.getClass();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(impl.getInterfaces()));
        for (Class<?> c = impl.getSuperclass(); c != null; c = c.getSuperclass()) {
            todo.addAll(List.of(c.getInterfaces()));
        }
        Set<Class<?>> visited = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> api = todo.pop();
            if (!visited.add(api)) {
                continue;
            }
            todo.addAll(List.of(api.getInterfaces()));
            JsonSegment seg = api.getAnnotation(JsonSegment.class);
            String segment = seg == null ? "" : seg.value() + "/";
            for (Method m : api.getDeclaredMethods()) {
                JsonRequest req = m.getAnnotation(JsonRequest.class);
                JsonNotification note = m.getAnnotation(JsonNotification.class);
                if (m.getAnnotation(JsonDelegate.class) != null) {
                    try {
                        collect(m.invoke(service), out, seen);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        LOG.log(Level.WARNING, "cannot list the methods of " + m, e);
                    }
                    continue;
                }
                if (req == null && note == null) {
                    continue;
                }
                String value = req != null ? req.value() : note.value();
                boolean useSegment = req != null ? req.useSegment() : note.useSegment();
                String name = value.isEmpty() ? segment + m.getName() : useSegment ? segment + value : value;
                if (overridden(impl, m)) {
                    out.put(name, m.getParameterCount() > 0);
                }
            }
        }
    }

    private static boolean overridden(Class<?> impl, Method m) {
        try {
            return !impl.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass().isInterface();
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
