package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void readmesDefaultsAuthoriseEverySellerAndRunSchedulesInRealTime() {
        RunnerOptions o = RunnerOptions.parse(new String[0]);
        assertThat(o.spApiForAllSellers()).isTrue();
        assertThat(o.scheduleSpeedup()).isEqualTo(1.0);
        assertThat(o.port(RunnerOptions.Port.API)).isEqualTo(3000);
    }

    @Test
    void theMavenPropertiesArriveAsOptions() {
        RunnerOptions o = RunnerOptions.parse(new String[] {"--spapi-all-sellers=false", "--schedule-speedup=6", "--data-dir=",
                "--world="});
        assertThat(o.spApiForAllSellers()).isFalse();
        assertThat(o.scheduleSpeedup()).isEqualTo(6.0);
        assertThat(o.dataDir()).isNull();
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--spapi-all-sellers=maybe"})).hasMessageContaining("true or false");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--schedule-speedup=0.5"})).hasMessageContaining("between 1 and 3600");
    }
}
