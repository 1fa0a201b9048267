package io.vigie.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds broken variants of a real token, to prove the API refuses each. */
public final class Jwts {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Jwts() {}

    public static String payloadJson(String token) {
        return new String(DECODER.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The same claims, declared unsigned ({@code alg: none}) and without a signature. */
    public static String unsigned(String token) {
        String header = ENCODER.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** The original signature over a payload changed to claim other roles. */
    public static String withPayload(String token, String newPayloadJson) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + ENCODER.encodeToString(newPayloadJson.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The original header and payload with one signature byte flipped. */
    public static String withFlippedSignatureByte(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = DECODER.decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + ENCODER.encodeToString(signature);
    }
}
