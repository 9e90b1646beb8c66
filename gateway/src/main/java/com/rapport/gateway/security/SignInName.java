package com.rapport.gateway.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a username that sign-in goes by. People type their name in any case, and the same
 * letters may arrive in another width or with a stray space (autofill, a pasted name), yet it is
 * the same person: the users are found under this form and their failed sign-ins are counted
 * under it, so {@code LeAdEr}, {@code leader } and {@code ｌｅａｄｅｒ} are all {@code leader}.
 * Two users whose names differ only in case cannot be configured.
 */
final class SignInName {

    private SignInName() {
    }

    static String of(String typed) {
        // NFKC folds compatibility forms (fullwidth letters, ligatures) into their plain letters
        return Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
