package care.sciatica.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the local stack's services: a service that dies is reported at once (not left orphaned), and one service can
 * be stopped, started, restarted or killed on its own, on its port, with its environment and log, through a small
 * control endpoint on loopback that {@code ./run-local stop|start|restart|kill|status} calls.
 */
final class Supervisor implements AutoCloseable {

    /** The loopback port of the control endpoint. */
    static final int CONTROL_PORT = 8089;

    private final Map<String, Supervised> services = new LinkedHashMap<>();
    private final Duration readyTimeout;
    private HttpServer control;

    Supervisor(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    /** Starts a service under supervision (without waiting for it) and returns its process. */
    synchronized ServiceProcess start(String name, Supplier<ServiceProcess> starter) {
        Supervised service = new Supervised(name, starter);
        services.put(name, service);
        return service.start();
    }

    /** Serves the control endpoint on 127.0.0.1:{@code port}. */
    void serveControl(int port) {
        try {
            control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the control endpoint on 127.0.0.1:" + port, e);
        }
        control.createContext("/", this::handle);
        control.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        int status;
        String answer;
        try {
            if ("GET".equals(exchange.getRequestMethod()) && path.length == 2 && "status".equals(path[1])) {
                status = 200;
                answer = status();
            } else if ("POST".equals(exchange.getRequestMethod()) && path.length == 4 && "services".equals(path[1])) {
                answer = act(path[2], path[3]);
                status = 200;
            } else {
                status = 404;
                answer = "use GET /status or POST /services/<name>/(stop|start|restart|kill)\n";
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            status = 409;
            answer = e.getMessage() + "\n";
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    synchronized String status() {
        StringBuilder out = new StringBuilder();
        services.values().forEach(service -> out.append("%-20s %s%n".formatted(service.name, service.state())));
        return out.toString();
    }

    /** Carries out {@code action} on the named service and answers what it did. */
    String act(String name, String action) {
        Supervised service;
        synchronized (this) {
            service = services.get(name);
        }
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + "; there are " + services.keySet());
        }
        switch (action) {
            case "stop" -> service.stop();
            case "kill" -> service.kill();
            case "start" -> service.startAndAwait(readyTimeout);
            case "restart" -> {
                service.stop();
                service.startAndAwait(readyTimeout);
            }
            default -> throw new IllegalArgumentException("Unknown action " + action
                    + "; use stop, start, restart or kill");
        }
        String done = name + ": " + service.state();
        LocalStack.log(done);
        return done + "\n";
    }

    @Override
    public synchronized void close() {
        if (control != null) {
            control.stop(0);
        }
        services.values().forEach(Supervised::stop);
    }

    /** One supervised service: how to start it, and its current process. */
    private static final class Supervised {

        private final String name;
        private final Supplier<ServiceProcess> starter;
        private ServiceProcess process;
        private boolean stopping;

        Supervised(String name, Supplier<ServiceProcess> starter) {
            this.name = name;
            this.starter = starter;
        }

        synchronized ServiceProcess start() {
            if (process != null && process.isAlive()) {
                throw new IllegalStateException(name + " is already running (pid " + process.handle().pid() + ")");
            }
            stopping = false;
            ServiceProcess started = starter.get();
            process = started;
            started.handle().onExit().thenRun(() -> reportExit(started));
            return started;
        }

        void startAndAwait(Duration timeout) {
            start().awaitReady(timeout);
        }

        synchronized void stop() {
            stopping = true;
            if (process != null) {
                process.close();
            }
        }

        synchronized void kill() {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + " is not running");
            }
            process.kill();
        }

        synchronized String state() {
            if (process == null) {
                return "not started";
            }
            return process.isAlive() ? "running (pid " + process.handle().pid() + ")" : "stopped";
        }

        private void reportExit(ServiceProcess exited) {
            synchronized (this) {
                if (stopping || exited != process) {
                    return;
                }
            }
            LocalStack.log("%s died; its log is %s. Start it again with: ./run-local start %s"
                    .formatted(name, exited.logFile(), name));
        }
    }
}
