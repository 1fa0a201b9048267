package io.vigie.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV for spreadsheets: RFC 4180 quoting, and never a cell a spreadsheet would run as a formula. */
public final class Csv {

    private Csv() {}

    /** Quoted, inner quotes doubled; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** One line of cells, ended by CRLF. */
    public static String row(Object... cells) {
        return Arrays.stream(cells).map(value -> value instanceof Number ? value.toString() : cell(value == null ? null : value.toString()))
                .collect(Collectors.joining(",")) + "\r\n";
    }

    /** A download of the text, named {@code filename}. */
    public static ResponseEntity<String> attachment(String text, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(text);
    }
}
