package vn.laurel.api.web;

import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.engine.json.Json;

import java.nio.charset.StandardCharsets;

/**
 * An answer as the client receives it, as UTF-8 bytes: the decision's id first, then the answer with
 * its texts in the asked language — the same text as {@link EligibilityService.Decided#json}, without
 * the String in between (Netty encodes a String of Vietnamese text one character at a time).
 */
final class AnswerBody {
    private AnswerBody() {}

    static byte[] of(EligibilityService.Decided decided, String language) {
        byte[] answer = Json.writeBytes(decided.result(), language);
        boolean empty = answer.length == 2;
        byte[] head = ("{\"decisionId\":" + decided.decisionId() + (empty ? "}" : ",")).getBytes(StandardCharsets.US_ASCII);
        if (empty) return head;
        byte[] body = new byte[head.length + answer.length - 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(answer, 1, body, head.length, answer.length - 1);
        return body;
    }
}
