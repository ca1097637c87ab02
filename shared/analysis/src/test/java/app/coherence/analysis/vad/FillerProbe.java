package app.coherence.analysis.vad;

import app.coherence.analysis.speech.RecognizedWord;
import app.coherence.analysis.speech.SpeechSession;
import app.coherence.analysis.speech.VoskSpeechRecognizer;
import app.coherence.analysis.testvideo.GeneratedTalk;
import app.coherence.analysis.testvideo.SoundTrack;
import app.coherence.analysis.testvideo.SpokenTalk;
import app.coherence.analysis.testvideo.TestTalks;
import app.coherence.analysis.testvideo.Voice;
import java.util.Arrays;
import java.util.List;

/** Scratch: what the recogniser hears around each scripted filler. */
public final class FillerProbe {
    public static void main(String[] args) throws Exception {
        Class<?> corpus = Class.forName("app.coherence.analysis.eval.SpeechCorpus");
        for (String v : args[0].split(",")) {
            Voice voice = Voice.valueOf(v);
            for (String scriptName : new String[] {"PRODUCT", "RESEARCH"}) {
                var f = corpus.getDeclaredField(scriptName);
                f.setAccessible(true);
                Object script = f.get(null);
                var m = script.getClass().getDeclaredMethod("text");
                m.setAccessible(true);
                String text = (String) m.invoke(script);
                SpokenTalk.Rendered r = new SpokenTalk(voice, text).render(TestTalks.directory().resolve("probe-" + v + scriptName + ".mp4"));
                short[] samples = SoundTrack.read16k(r.video().file());
                VoiceActivity activity = VoiceActivity.silero();
                List<RecognizedWord> heard;
                try (SpeechSession session = new VoskSpeechRecognizer().start(activity)) {
                    for (int from = 0; from < samples.length; from += 4000) {
                        short[] piece = Arrays.copyOfRange(samples, from, Math.min(samples.length, from + 4000));
                        activity.accept(piece, piece.length);
                        session.accept(piece, piece.length);
                    }
                    heard = session.finish();
                }
                System.out.println("== " + v + " " + scriptName);
                for (GeneratedTalk.FillerMark mark : r.truth().fillers()) {
                    StringBuilder s = new StringBuilder(String.format("%s %.2f-%.2f :", mark.word(), mark.start(), mark.end()));
                    for (RecognizedWord w : heard) {
                        if (w.end() > mark.start() - 0.6 && w.start() < mark.end() + 0.6) {
                            s.append(String.format(" %s[%.2f-%.2f c%.2f]", w.text(), w.start(), w.end(), w.confidence()));
                        }
                    }
                    System.out.println(s);
                }
                try (org.vosk.Recognizer g = new org.vosk.Recognizer(new org.vosk.Model(app.coherence.analysis.speech.VoskModelFiles.locate().toString()), 16000f,
                        "[\"um\", \"uh\", \"er\", \"ah\", \"hmm\", \"[unk]\"]")) {
                    g.setWords(true);
                    StringBuilder s = new StringBuilder();
                    for (RecognizedWord w : heard) {
                        int a = (int) Math.max(0, (w.start() - 0.05) * 16000);
                        int b = (int) Math.min(samples.length, (w.end() + 0.05) * 16000);
                        short[] span = Arrays.copyOfRange(samples, a, b);
                        g.acceptWaveForm(span, span.length);
                        String res = g.getFinalResult().replaceAll("\\s+", " ");
                        String word = res.replaceAll(".*\"text\" : \"([^\"]*)\".*", "$1");
                        String conf = res.contains("conf") ? res.replaceAll(".*\"conf\" : ([0-9.]+).*", "$1") : "-";
                        s.append(String.format(" %s(%.2f,%.2fs)->%s/%s", w.text(), w.start(), w.end() - w.start(), word, conf));
                    }
                    System.out.println(s);
                }
                System.out.println("speech: " + activity.speech().size() + " spans; pauses truth " + r.truth().pauses());
            }
        }
    }
}
