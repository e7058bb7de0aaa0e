package com.deskbridge.outbound;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on a loopback port that answers with scripted reply codes, for the failures a real server
 * (GreenMail) cannot be made to produce: 4xx and 5xx at a chosen stage. Speaks just enough SMTP for Jakarta Mail:
 * greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-terminated content, RSET, NOOP, QUIT. Serves connections one
 * after another until closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {
    private final ServerSocket socket;
    private final String greeting;
    private final String mailReply;
    private final String rcptReply;
    private final String dataReply;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final Thread thread;

    ScriptedSmtpServer(String greeting, String mailReply, String rcptReply, String dataReply) throws IOException {
        this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.mailReply = mailReply;
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    /** A server that accepts everything. */
    static ScriptedSmtpServer accepting() throws IOException {
        return new ScriptedSmtpServer("220 test ESMTP", "250 OK", "250 OK", "250 OK queued");
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Every command line received, in order (DATA content excluded). */
    List<String> commands() {
        return commands;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(10_000);
                converse(s);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                // the client went away; serve the next connection
            }
        }
    }

    private void converse(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = s.getOutputStream();
        reply(out, greeting);
        if (!greeting.startsWith("2")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (verb) {
                case "EHLO" -> reply(out, "250-test\r\n250-8BITMIME\r\n250 SIZE 10485760");
                case "HELO", "RSET", "NOOP" -> reply(out, "250 OK");
                case "MAIL" -> reply(out, mailReply);
                case "RCPT" -> reply(out, rcptReply);
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String d;
                    while ((d = in.readLine()) != null && !d.equals(".")) {
                        // content is not needed
                    }
                    reply(out, dataReply);
                }
                case "QUIT" -> {
                    reply(out, "221 Bye");
                    return;
                }
                default -> reply(out, "502 Command not implemented");
            }
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
