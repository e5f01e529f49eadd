package vn.laurel.api.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives an attacker would send, built in the test: bombs, damaged entries, odd names. */
final class Zips {
    private Zips() {}

    /** A zip of the given files: name, content, name, content… */
    static byte[] of(String... nameThenContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenContent.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenContent[i]));
                z.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A small zip whose one file inflates to {@code bytes}: the header, then {@code line} over and
     * over. Deflate packs such repetition about a thousand to one.
     */
    static byte[] bomb(String name, String header, String line, long bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(name));
            byte[] head = header.getBytes(StandardCharsets.UTF_8);
            z.write(head);
            byte[] block = line.repeat(Math.max(1, 65536 / line.length())).getBytes(StandardCharsets.UTF_8);
            for (long written = head.length; written < bytes; written += block.length) {
                z.write(block, 0, (int) Math.min(block.length, bytes - written));
            }
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The archive with the compressed data of its {@code n}th file (from 1) overwritten: that file cannot be inflated. */
    static byte[] damaged(byte[] zip, int n) {
        byte[] copy = zip.clone();
        int at = -1;
        for (int found = 0; found < n; found++) at = localHeader(copy, at + 1);
        int nameLength = (copy[at + 26] & 0xFF) | (copy[at + 27] & 0xFF) << 8;
        int extraLength = (copy[at + 28] & 0xFF) | (copy[at + 29] & 0xFF) << 8;
        int data = at + 30 + nameLength + extraLength;
        for (int i = data; i < Math.min(data + 16, copy.length); i++) copy[i] = (byte) 0xFF;
        return copy;
    }

    private static int localHeader(byte[] zip, int from) {
        for (int i = from; i + 3 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) return i;
        }
        throw new IllegalArgumentException("no more files in the archive");
    }
}
