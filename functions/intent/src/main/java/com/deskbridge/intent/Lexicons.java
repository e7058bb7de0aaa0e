package com.deskbridge.intent;

/** The built-in lexicon: English, German, French, Italian and Spanish cues, compiled once. */
final class Lexicons {
    private static final Lexicon STANDARD = build();

    private Lexicons() {
    }

    static Lexicon standard() {
        return STANDARD;
    }

    private static Lexicon build() {
        LexiconBuilder b = new LexiconBuilder();
        EnglishLexicon.define(b);
        GermanLexicon.define(b);
        FrenchLexicon.define(b);
        ItalianLexicon.define(b);
        SpanishLexicon.define(b);
        return b.build();
    }
}
