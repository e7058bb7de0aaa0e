package com.deskbridge.domain.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscalationLanguageTest {
    @Test
    void threatsInSeveralLanguagesAreSeen() {
        assertThat(EscalationLanguage.in("I will file an A-to-z claim tomorrow")).isTrue();
        assertThat(EscalationLanguage.in("Sonst schalte ich meinen Anwalt ein")).isTrue();
        assertThat(EscalationLanguage.in("Je vais laisser un avis négatif")).isTrue();
        assertThat(EscalationLanguage.in("Voy a presentar una reseña negativa")).isTrue();
        assertThat(EscalationLanguage.in("I'll open a chargeback with my bank")).isTrue();
    }

    @Test
    void ordinaryMessagesAreNot() {
        assertThat(EscalationLanguage.in("Thanks for your courtesy, where is my parcel?")).isFalse();
        assertThat(EscalationLanguage.in("")).isFalse();
        assertThat(EscalationLanguage.in(null)).isFalse();
    }
}
