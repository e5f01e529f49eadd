package vn.laurel.api.audit;

/**
 * Where a verification starts: at the empty chains, or after what a signed checkpoint covers. A
 * checkpoint whose signature was checked vouches for its head hashes, so the records it covers need not
 * be read again: the first record after it must follow its hash, and the record at its length must still
 * have it (else the chain was rewritten at or before that record).
 */
public record ChainStart(long length, String hash, long flagLength, String flagHash, String checkpoint) {
    public static ChainStart genesis() {
        return new ChainStart(0, AuditChain.GENESIS, 0, AuditChain.GENESIS, null);
    }

    boolean fromGenesis() {
        return length == 0 && flagLength == 0;
    }
}
