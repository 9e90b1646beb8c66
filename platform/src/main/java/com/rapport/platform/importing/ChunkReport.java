package com.rapport.platform.importing;

import java.util.List;

/**
 * What a chunk of an import did, once it has committed.
 *
 * @param recorded  lines that appended their events
 * @param unchanged lines that repeated what the store already held (a retry: nothing appended)
 * @param refused   lines that wrote nothing, in the order of the body
 * @param position  the global index of the newest event in the store after the commit, so at least
 *                  that of every event the chunk appended: a reader that has handled every event
 *                  up to it has seen the chunk
 */
public record ChunkReport(int lines, int recorded, int unchanged, List<RefusedLine> refused, long position) {
}
