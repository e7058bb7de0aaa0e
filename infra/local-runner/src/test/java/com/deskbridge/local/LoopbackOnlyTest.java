package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every listener the runner starts (DynamoDB Local, S3Mock, ElasticMQ, EventBridge, the simulators, the Secrets Manager
 * stand-in, GreenMail, the API emulator, the console) binds to loopback only: nothing on this machine's other
 * addresses answers. Read from the kernel's socket table for this JVM ({@code /proc/self/fd} and
 * {@code /proc/self/net/tcp[6]}), so a listener the runner forgot to name is caught too.
 */
class LoopbackOnlyTest {

    /** A listening TCP socket of this process. */
    record Listener(String address, int port) {
        boolean loopback() {
            return address.startsWith("127.") || address.equals("::1") || address.startsWith("::ffff:127.");
        }
    }

    @Test
    void noListenerOfTheLocalSystemIsReachableFromAnotherAddress() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/net/tcp")), "needs Linux's /proc to read the socket table");
        LocalRunner system = RunningSystem.get();
        List<Listener> listeners = listeners();

        Set<Integer> ports = new HashSet<>();
        listeners.forEach(l -> ports.add(l.port()));
        assertThat(ports).as("the socket table shows the runner's listeners").contains(
                port(URI.create(system.api().baseUrl())), port(system.stack().dynamoDbEndpoint()), port(system.stack().sqsEndpoint()),
                port(system.stack().eventBridgeEndpoint()), port(system.s3().endpoint()), system.mail().smtpPort(),
                system.mail().imapPort(), port(URI.create(system.world().spApi().baseUrl())), system.world().carriers().port(),
                port(system.world().secrets().endpoint()), system.console().port());
        assertThat(listeners).as("listening sockets of this JVM").allSatisfy(l ->
                assertThat(l.loopback()).as(l + " listens beyond loopback").isTrue());
    }

    private static int port(URI uri) {
        return uri.getPort();
    }

    /** The listening TCP sockets (IPv4 and IPv6) whose inodes this process holds open. */
    static List<Listener> listeners() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed while we looked
                }
            }
        }
        List<Listener> found = new ArrayList<>();
        for (String table : new String[] {"/proc/self/net/tcp", "/proc/self/net/tcp6"}) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    found.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return found;
    }

    /** The kernel writes addresses as 32-bit words in host (little-endian) order. */
    private static String address(String hex) {
        if (hex.length() == 8) {
            return ipv4(hex);
        }
        if (hex.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + ipv4(hex.substring(24));
        }
        StringBuilder v6 = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String w = hex.substring(word * 8, word * 8 + 8);
            String be = w.substring(6, 8) + w.substring(4, 6) + w.substring(2, 4) + w.substring(0, 2);
            v6.append(be, 0, 4).append(':').append(be, 4, 8).append(word < 3 ? ":" : "");
        }
        String full = v6.toString().toLowerCase(java.util.Locale.ROOT);
        return full.equals("0000:0000:0000:0000:0000:0000:0000:0001") ? "::1"
                : full.equals("0000:0000:0000:0000:0000:0000:0000:0000") ? "::" : full;
    }

    private static String ipv4(String hex) {
        long v = Long.parseLong(hex, 16);
        return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
    }
}
