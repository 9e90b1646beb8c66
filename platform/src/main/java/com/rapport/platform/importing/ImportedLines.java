package com.rapport.platform.importing;

import java.util.List;

/** A web adapter whose records an import may carry: each of its kinds of line. */
public interface ImportedLines {

    List<LineKind<?>> lineKinds();
}
