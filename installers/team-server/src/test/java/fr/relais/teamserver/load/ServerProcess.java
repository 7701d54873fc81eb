package fr.relais.teamserver.load;

import fr.relais.teamserver.LoadTestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The team server in its own JVM ({@link LoadTestServer}): started on this JVM's class path, read for its address and
 * its database's process, asked for tokens; its log lines are read and dropped so that its output never blocks.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Writer requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final String baseUrl;
    private final long databasePid;

    private ServerProcess(Process process, String heap) throws IOException, InterruptedException {
        this.process = process;
        this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("DB_PID ") || line.startsWith("URL ") || line.startsWith("TOKEN ") || line.startsWith("ERROR ")) {
                        answers.add(line);
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
            answers.add("END");
        }, "team-server-output");
        reader.setDaemon(true);
        reader.start();
        String pid = next("DB_PID ", 15);
        this.databasePid = Long.parseLong(pid);
        this.baseUrl = next("URL ", 1);
        System.out.printf("Team server (own JVM, %s, pid %d) at %s, PostgreSQL pid %d%n", heap, process.pid(), baseUrl, databasePid);
    }

    /** Starts the server with {@code heap} ({@code -Xmx2g}) and waits until it answers. */
    static ServerProcess start(String heap, Path work) throws IOException, InterruptedException {
        // The same class path, made absolute: the server runs in the work folder.
        String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap));
        // RELAIS_LOAD_SERVER_JFR=/tmp/server.jfr: the server JVM records a flight recording there (where its CPU goes).
        String recording = System.getenv("RELAIS_LOAD_SERVER_JFR");
        if (recording != null && !recording.isBlank()) {
            command.add("-XX:StartFlightRecording=filename=" + Path.of(recording).toAbsolutePath() + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-cp", classPath, LoadTestServer.class.getName()));
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(ProcessBuilder.Redirect.to(work.resolve("server-errors.log").toFile())).start();
        return new ServerProcess(process, heap);
    }

    String baseUrl() {
        return baseUrl;
    }

    /** What the server uses: its JVM and its PostgreSQL. */
    ProcessUsage usage() {
        return new ProcessUsage(process.pid(), databasePid);
    }

    /** A token of {@code subject} in {@code team}, signed by the server's issuer. */
    synchronized String token(String subject, String team) throws IOException, InterruptedException {
        requests.write("token " + subject + " " + team + "\n");
        requests.flush();
        return next("TOKEN ", 1);
    }

    private String next(String prefix, int minutes) throws InterruptedException {
        String line = answers.poll(minutes, TimeUnit.MINUTES);
        if (line == null || !line.startsWith(prefix)) {
            throw new IllegalStateException("The team server answered " + line + " where " + prefix.strip() + " was expected");
        }
        return line.substring(prefix.length());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        requests.close();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroy();
        }
    }
}
