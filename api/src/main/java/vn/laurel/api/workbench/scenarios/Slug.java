package vn.laurel.api.workbench.scenarios;

import java.text.Normalizer;
import java.util.Locale;

/** A file name from a scenario's name: ASCII letters and digits joined by hyphens ("Đủ 6 tháng" → "du-6-thang"). */
final class Slug {
    static final int MAX = 80;

    private Slug() {}

    static String of(String name) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) slug = slug.substring(0, MAX).replaceAll("-+$", "");
        return slug;
    }
}
