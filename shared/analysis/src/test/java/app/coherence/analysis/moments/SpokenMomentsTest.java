package app.coherence.analysis.moments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.coherence.analysis.rules.TestTalk;
import app.coherence.core.analysis.Moment;
import app.coherence.core.analysis.MomentType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenMomentsTest {

    @Test
    void fillersAndLongPauses_becomeMoments_withTheWordAndWhereThePauseFell() {
        // words 1-10 s ending "...the end"; 3 s of silence (between sentences); words ending "focus on";
        // 2.5 s of silence (the sentence goes on); then "speed"; an "um" at 22 s; a 1 s pause is no moment
        var talk = new TestTalk(40).speech(1, 10).say(8.8, "the end").speech(13, 18).say(17.2, "focus on")
                .say(20.5, "speed and um more").speech(24, 30).silence(30, 31).speech(31, 38).features();

        List<Moment> moments = new SpokenMoments().of(talk);

        List<Moment> pauses = moments.stream().filter(m -> m.type() == MomentType.PAUSE).toList();
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(0).start()).isCloseTo(9.5, within(0.2));
        assertThat(pauses.get(0).detail()).isEqualTo("between sentences");
        assertThat(pauses.get(1).start()).isCloseTo(17.9, within(0.2));
        assertThat(pauses.get(1).detail()).isEqualTo("inside a sentence");
        List<Moment> fillers = moments.stream().filter(m -> m.type() == MomentType.FILLER).toList();
        assertThat(fillers).singleElement().satisfies(m -> {
            assertThat(m.detail()).isEqualTo("um");
            assertThat(m.start()).isCloseTo(21.3, within(0.05));
        });
    }
}
