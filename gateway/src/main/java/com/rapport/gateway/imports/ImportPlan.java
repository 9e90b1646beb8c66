package com.rapport.gateway.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which lines go to which service together, and in what order. Each service takes a chunk of its
 * lines at a time; accounts' chunks go before outreach's, whose lines may need the accounts they
 * name (opened, lost or won back by lines before them).
 * <p>
 * Lines of one account keep the file's order. Lines of different accounts do not depend on one
 * another, so a file that tells each account's story in turn (an opening, its contacts, the next
 * opening...) still travels in full chunks: a chunk is sent early only when an accounts line
 * concerns an account that outreach lines waiting before it name (a loss after its contacts),
 * when a chunk is full, and at the end.
 */
final class ImportPlan {

    /** Lines for one service, in the file's order. */
    record Chunk(Owner owner, List<ImportLine> lines) {

        int firstLine() {
            return lines.get(0).number();
        }
    }

    private final int maxLines;
    private final long maxBytes;
    private final List<ImportLine> accounts = new ArrayList<>();
    private final List<ImportLine> outreach = new ArrayList<>();
    private final long[] bytes = new long[2];
    private final Set<String> accountsInOutreach = new HashSet<>();

    /** @param maxBytes a chunk is sent once it holds this many bytes, even with fewer lines */
    ImportPlan(int maxLines, long maxBytes) {
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    /** @return the chunks to send now, in this order */
    List<Chunk> add(ImportLine line) {
        List<Chunk> ready = new ArrayList<>();
        if (line.owner() == Owner.ACCOUNTS) {
            if (line.accountId() != null && accountsInOutreach.contains(line.accountId())) {
                ready.addAll(finish());
            }
            accounts.add(line);
            bytes[Owner.ACCOUNTS.ordinal()] += line.size();
            if (isFull(Owner.ACCOUNTS)) {
                ready.add(take(Owner.ACCOUNTS));
            }
        } else {
            outreach.add(line);
            bytes[Owner.OUTREACH.ordinal()] += line.size();
            if (line.accountId() != null) {
                accountsInOutreach.add(line.accountId());
            }
            if (isFull(Owner.OUTREACH)) {
                ready.addAll(finish());
            }
        }
        return ready;
    }

    /** @return what is left: accounts' lines first */
    List<Chunk> finish() {
        List<Chunk> ready = new ArrayList<>();
        if (!accounts.isEmpty()) {
            ready.add(take(Owner.ACCOUNTS));
        }
        if (!outreach.isEmpty()) {
            ready.add(take(Owner.OUTREACH));
        }
        return ready;
    }

    private boolean isFull(Owner owner) {
        return pending(owner).size() >= maxLines || bytes[owner.ordinal()] >= maxBytes;
    }

    private List<ImportLine> pending(Owner owner) {
        return owner == Owner.ACCOUNTS ? accounts : outreach;
    }

    private Chunk take(Owner owner) {
        List<ImportLine> lines = pending(owner);
        Chunk chunk = new Chunk(owner, List.copyOf(lines));
        lines.clear();
        bytes[owner.ordinal()] = 0;
        if (owner == Owner.OUTREACH) {
            accountsInOutreach.clear();
        }
        return chunk;
    }
}
