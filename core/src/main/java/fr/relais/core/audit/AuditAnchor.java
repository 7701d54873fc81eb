package fr.relais.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * The audit trail's anchor: the sequence number and hash of its last event, kept outside the store in a small file
 * beside it ({@code NAME.audit-anchor}), overwritten after each commit that records events, and signed with the
 * chain's key. The chain alone cannot show that its latest events, or all of them, were deleted; the anchor can: the event it
 * names must still be there with that hash. It may lag behind the chain (a Relais killed between its commit and the
 * anchor's rewrite, two Relais writing at once), never run ahead of it: it is written only after the commit, from what
 * the store then holds.
 */
final class AuditAnchor {
    private static final String FORMAT = "relais-audit-anchor-v1";

    /** What an anchor file says, and whether its signature holds. */
    record Mark(long seq, String hash, boolean signed) {
    }

    private final Path file;
    /** What this process last wrote, and the file as it was just after: see {@link #readForMove}. */
    private volatile Written written;

    /** An anchor this process wrote: its mark, and the file's identity, change time and size right after the write. */
    private record Written(Mark mark, Object state) {
    }

    AuditAnchor(Path file) {
        this.file = file;
    }

    static AuditAnchor besideStore(Path databaseFile) {
        Path db = databaseFile.toAbsolutePath();
        return new AuditAnchor(db.resolveSibling(db.getFileName() + ".audit-anchor"));
    }

    Path file() {
        return file;
    }

    /** The anchor's text for {@code seq} and {@code hash}, signed: what the file holds, and what a backup carries. */
    static String text(long seq, String hash, AuditChain.Signer signer) {
        // Fixed width (the number padded to 19 digits), so that every anchor overwrites the one before exactly.
        String body = FORMAT + " " + padded(seq) + " " + hash;
        return body + " " + signer.sign(body);
    }

    /** {@code seq} on 19 digits, as {@code %019d} writes it: the formatter's parse of its pattern was a cost of each commit. */
    private static String padded(long seq) {
        String digits = Long.toString(seq);
        return seq < 0 || digits.length() >= 19 ? String.format(java.util.Locale.ROOT, "%019d", seq) : "0".repeat(19 - digits.length()) + digits;
    }

    /** What {@code text} says; unsigned when it is not an anchor or its signature does not hold. */
    static Mark parse(String text, AuditChain.Signer signer) {
        String[] parts = text.strip().split(" ");
        if (parts.length != 4 || !FORMAT.equals(parts[0])) {
            return new Mark(-1, "", false);
        }
        try {
            String body = parts[0] + " " + parts[1] + " " + parts[2];
            boolean signed = java.security.MessageDigest.isEqual(signer.sign(body).getBytes(StandardCharsets.US_ASCII),
                    parts[3].getBytes(StandardCharsets.US_ASCII));
            return new Mark(Long.parseLong(parts[1]), parts[2], signed);
        } catch (NumberFormatException e) {
            return new Mark(-1, "", false);
        }
    }

    /**
     * Overwrites the anchor in place, in one write of a fixed length at the start of the file: no new file and no rename
     * per commit (which would also change the folder each time a measure is written). A write this small never spans
     * two disk sectors: a reader sees the old anchor or the new one.
     */
    synchronized void write(long seq, String hash, AuditChain.Signer signer) {
        Written last = written;
        if (last != null && last.mark().seq() > seq && state().filter(last.state()::equals).isPresent()) {
            return; // moved further already by this process (commits' moves run side by side): never moved back
        }
        byte[] line = (text(seq, hash, signer) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
            if (channel.size() > line.length) {
                channel.truncate(line.length); // an anchor of another length (by hand, or an older format) before
            }
        } catch (IOException e) {
            written = null;
            throw new UncheckedIOException("Cannot write the audit anchor " + file, e);
        }
        written = state().map(state -> new Written(new Mark(seq, hash, true), state)).orElse(null);
    }

    /**
     * The anchor, for moving it after a commit: what this process wrote last when the file is still the one it left
     * (same file, same change time, same size: any write to it, or a new file in its place, changes the change time,
     * which no one can set back), else read from the file as {@link #read} does. The anchor is moved after each commit
     * that records events (each group of hospital messages), and reading back a file this process has just written
     * was most of that move. A check of the trail ({@link AuditLog#verify()}) always reads the file.
     */
    Optional<Mark> readForMove(AuditChain.Signer signer) {
        Written last = written;
        if (last != null && state().filter(last.state()::equals).isPresent()) {
            return Optional.of(last.mark());
        }
        return read(signer);
    }

    /** The file's identity (inode), change time and size, in one look-up; empty when it is not there or not readable so. */
    private Optional<Object> state() {
        try {
            java.util.Map<String, Object> seen = Files.readAttributes(file, "unix:ino,ctime,size");
            return Optional.of(java.util.List.of(seen.get("ino"), seen.get("ctime"), seen.get("size")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // no unix view (another system): the file is read each time, as before
        }
    }

    /** The anchor, or empty when there is no file. */
    Optional<Mark> read(AuditChain.Signer signer) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.US_ASCII), signer));
        } catch (IOException e) {
            return Optional.of(new Mark(-1, "", false));
        }
    }
}
