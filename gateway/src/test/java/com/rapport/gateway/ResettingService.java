package com.rapport.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A service that crashes mid-request: it reads each request's head, then resets the connection
 * (a close with SO_LINGER 0 sends RST) without a byte of answer.
 */
public final class ResettingService implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;

    private ResettingService() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::acceptAndReset, "resetting-service");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ResettingService start() {
        return new ResettingService();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void acceptAndReset() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                readHead(connection.getInputStream());
                connection.setSoLinger(true, 0);
            } catch (IOException e) {
                // the test is over (the server socket closed), or the gateway hung up first
            }
        }
    }

    /** Reads up to the blank line that ends a request's head. */
    private static void readHead(InputStream in) throws IOException {
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return;
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        server.close();
        acceptor.join(5_000);
    }
}
