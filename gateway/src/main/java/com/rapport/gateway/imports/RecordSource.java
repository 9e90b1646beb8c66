package com.rapport.gateway.imports;

import java.io.IOException;

/** The lines of an import as they arrive, each read as a record or refused. */
interface RecordSource {

    /** @return the next line, or null at the end of the body */
    Read next() throws IOException;
}
