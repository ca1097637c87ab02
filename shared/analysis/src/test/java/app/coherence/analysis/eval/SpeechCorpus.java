package app.coherence.analysis.eval;

import app.coherence.analysis.testvideo.Voice;
import java.util.List;

/**
 * The talks of the speech corpus: scripts with fillers at clause starts and mid-sentence (some stretched
 * up to about a second), short and long pauses inside and between sentences; and which voices speak them.
 * Words a coach counts as fillers only by position ("so", "like") are left out, so every filler is scripted.
 */
final class SpeechCorpus {
    /** A scripted talk: a name for the table, and the script in {@link app.coherence.analysis.testvideo.SpokenTalk}'s marks. */
    record Script(String name, String text) {
    }

    static final Script PRODUCT = new Script("product", String.join(" ",
            "Good morning everyone, and thank you for coming. {p 0.7} {um} {p 0.25}",
            "Today I want to share what our team built this quarter. {p 0.8}",
            "We shipped the new search page in March, {p 0.3} and the customers noticed it {p 0.2} {uh} {p 0.2} within a week. {p 0.9}",
            "The number of daily visitors grew by {p 0.15} {er 2} {p 0.15} thirty percent. {p 1.0}",
            "{uh 2.5} {p 0.3} The hardest part was the data migration. {p 2.5}",
            "We moved every record to the new database without any downtime. {p 0.8}",
            "Next quarter we will focus on {p 2.2} speed, {p 0.3} and on the mobile application. {p 0.7}",
            "{um 2.5} {p 0.3} Thank you for listening, and I will take your questions now. {p 0.5}"));

    static final Script RESEARCH = new Script("research", String.join(" ",
            "Hello, my name is Alex and I study how cities use water. {p 0.8}",
            "Last summer we measured the pipes in twelve districts. {p 0.6} {er} {p 0.25}",
            "Most of the water was lost in the oldest parts of town. {p 1.0}",
            "The repairs cost less than {p 0.2} {um 1.8} {p 0.2} one million dollars per district. {p 0.9}",
            "{uh} {p 0.3} In two districts the losses fell by half within a year. {p 2.6}",
            "Our next step is a sensor network {p 0.2} {uh 2.5} {p 0.2} that warns the engineers early. {p 0.7}",
            "We hope other cities will follow this plan. {p 0.6} {um 2.5} {p 0.3} Thank you very much. {p 0.5}"));

    /** Every voice speaks every script in the full run. */
    static final List<Voice> VOICES = List.of(Voice.values());
    static final List<Script> SCRIPTS = List.of(PRODUCT, RESEARCH);

    /** The CI-sized part: one festival and one flite voice, male and female (every script, a minute and a half each). */
    static final List<Voice> CI_VOICES = List.of(Voice.KAL_DIPHONE, Voice.SLT_FLITE);

    private SpeechCorpus() {
    }
}
