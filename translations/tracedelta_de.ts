<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>BaselineFinder</name>
    <message>
        <source>the target's root span names no service to search for</source>
        <translation>der Wurzel-Span des Ziels nennt keinen Dienst, nach dem gesucht werden kann</translation>
    </message>
    <message>
        <source>%1 found no trace of %2 “%3” without errors in the window</source>
        <translation>%1 fand keinen fehlerfreien Trace von %2 „%3“ im Zeitfenster</translation>
    </message>
</context>
<context>
    <name>CompareCommand</name>
    <message>
        <source>target:   %1 (trace %2)
</source>
        <translation>Ziel:      %1 (Trace %2)
</translation>
    </message>
    <message>
        <source>baseline: %1 (trace %2), %3
</source>
        <translation>Referenz:  %1 (Trace %2), %3
</translation>
    </message>
    <message>
        <source>No span explains the difference beyond the thresholds.
</source>
        <translation>Kein Span erklärt den Unterschied über die Schwellenwerte hinaus.
</translation>
    </message>
    <message>
        <source>Compare a target trace with one or more baselines and rank the spans that explain the difference.</source>
        <translation>Vergleicht einen Ziel-Trace mit einer oder mehreren Referenzen und ordnet die Spans, die den Unterschied erklären.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Baseline trace files (normal runs).</source>
        <translation>Referenz-Tracedateien (normale Läufe).</translation>
    </message>
    <message>
        <source>The trace to explain (the slow one).</source>
        <translation>Der zu erklärende Trace (der langsame).</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Maschinenlesbares JSON ausgeben.</translation>
    </message>
    <message>
        <source>Show at most N candidates (default 10).</source>
        <translation>Höchstens N Kandidaten zeigen (Standard 10).</translation>
    </message>
    <message>
        <source>Use only traces with this id.</source>
        <translation>Nur Traces mit dieser ID verwenden.</translation>
    </message>
    <message>
        <source>compare: --top needs a non-negative number</source>
        <translation>compare: --top braucht eine nicht negative Zahl</translation>
    </message>
    <message>
        <source>Align span names and lanes exactly as written (no normalisation of iteration numbers, ids or thread numbers).</source>
        <translation>Span-Namen und Spuren genau wie geschrieben zuordnen (keine Normalisierung von Iterationsnummern, IDs oder Thread-Nummern).</translation>
    </message>
</context>
<context>
    <name>Comparison</name>
    <message>
        <source>The target and a baseline are the very same trace (%1, trace %2) loaded twice.</source>
        <translation>Ziel und eine Referenz sind derselbe Trace (%1, Trace %2), zweimal geladen.</translation>
    </message>
    <message>
        <source>The target and a baseline have the same trace id (%1), from %2 and %3.</source>
        <translation>Ziel und eine Referenz haben dieselbe Trace-ID (%1), aus %2 und %3.</translation>
    </message>
    <message>
        <source>The two traces are identical: same spans, same times.</source>
        <translation>Die beiden Traces sind identisch: gleiche Spans, gleiche Zeiten.</translation>
    </message>
    <message>
        <source>The target is identical to every baseline: same spans, same times.</source>
        <translation>Das Ziel ist mit jeder Referenz identisch: gleiche Spans, gleiche Zeiten.</translation>
    </message>
    <message>
        <source>One trace: showing where its time goes.</source>
        <translation>Ein Trace: zeigt, wohin seine Zeit geht.</translation>
    </message>
    <message>
        <source>Identical: the traces have the same spans with the same times.</source>
        <translation>Identisch: Die Traces haben dieselben Spans mit denselben Zeiten.</translation>
    </message>
    <message>
        <source>Slower: %1 vs %2 (%3).</source>
        <translation>Langsamer: %1 statt %2 (%3).</translation>
    </message>
    <message>
        <source>Faster: %1 vs %2 (%3).</source>
        <translation>Schneller: %1 statt %2 (%3).</translation>
    </message>
    <message>
        <source>Different structure, about the same duration: %1 vs %2.</source>
        <translation>Andere Struktur, etwa gleiche Dauer: %1 statt %2.</translation>
    </message>
    <message>
        <source>in the baseline</source>
        <translation>in der Referenz</translation>
    </message>
    <message numerus="yes">
        <source>median in %n baseline traces</source>
        <translation><numerusform>Median in %n Referenz-Trace</numerusform><numerusform>Median in %n Referenz-Traces</numerusform></translation>
    </message>
    <message>
        <source>, %1 of the %2 %3</source>
        <translation>, %1 der %2 %3</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <source>improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>; on the critical path</source>
        <translation>; auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>%1 — self time %2 of %3 (%4)%5</source>
        <translation>%1 — Eigenzeit %2 von %3 (%4)%5</translation>
    </message>
    <message>
        <source>%1 — self time %2 vs %3 %4 (%5%6)%7</source>
        <translation>%1 — Eigenzeit %2 statt %3 %4 (%5%6)%7</translation>
    </message>
    <message>
        <source>%1 — new in the target: %2, %3 in total (%4%5)%6</source>
        <translation>%1 — neu im Ziel: %2, insgesamt %3 (%4%5)%6</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation><numerusform>%n Aufruf</numerusform><numerusform>%n Aufrufe</numerusform></translation>
    </message>
    <message>
        <source>%1 — missing from the target: %2, %3 %4 (%5%6)</source>
        <translation>%1 — fehlt im Ziel: %2, %3 %4 (%5%6)</translation>
    </message>
    <message>
        <source>%1 — %2 vs %3 %4; total %5 vs %6 (%7%8)%9</source>
        <translation>%1 — %2 statt %3 %4; gesamt %5 statt %6 (%7%8)%9</translation>
    </message>
    <message>
        <source>%1 — total %2 vs %3 %4 (%5%6), not explained by its own self time or its children%7</source>
        <translation>%1 — gesamt %2 statt %3 %4 (%5%6), weder durch eigene Eigenzeit noch durch Kinder erklärt%7</translation>
    </message>
    <message>
        <source>, more than the whole %1 %2: other changes offset most of it</source>
        <translation>, mehr als die gesamte %2 von %1: andere Änderungen gleichen das meiste davon aus</translation>
    </message>
    <message numerus="yes">
        <source>Compared: the target %1 (root %2, %3 operations) with %n baseline(s) such as %4 (root %5); they share no root operation and %6 of their operations, so no causes are ranked.</source>
        <translation><numerusform>Verglichen: das Ziel %1 (Wurzel %2, %3 Operationen) mit %n Referenz wie %4 (Wurzel %5); sie haben keine gemeinsame Wurzeloperation und %6 ihrer Operationen gemeinsam, daher werden keine Ursachen gereiht.</numerusform><numerusform>Verglichen: das Ziel %1 (Wurzel %2, %3 Operationen) mit %n Referenzen wie %4 (Wurzel %5); sie haben keine gemeinsame Wurzeloperation und %6 ihrer Operationen gemeinsam, daher werden keine Ursachen gereiht.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n baseline(s) share no root operation and few operations with the target; they may be traces of another request.</source>
        <translation><numerusform>%n Referenz hat keine gemeinsame Wurzeloperation und wenige Operationen mit dem Ziel; sie stammt vielleicht von einer anderen Anfrage.</numerusform><numerusform>%n Referenzen haben keine gemeinsame Wurzeloperation und wenige Operationen mit dem Ziel; sie stammen vielleicht von einer anderen Anfrage.</numerusform></translation>
    </message>
    <message>
        <source>Unrelated: these traces do not look like runs of the same request, so they are shown side by side without ranking causes.</source>
        <translation>Ohne Bezug: Diese Traces sehen nicht wie Läufe derselben Anfrage aus; sie werden nebeneinander gezeigt, ohne Ursachen zu reihen.</translation>
    </message>
    <message numerus="yes">
        <source>%n span name(s) with run-specific numbers or ids were aligned by a normalised form, e.g. %1 (compare exact names with --exact-names or by unchecking “Align numbered names”).</source>
        <translation><numerusform>%n Span-Name mit laufspezifischen Nummern oder IDs wurde über eine normalisierte Form zugeordnet, z. B. %1 (exakte Namen vergleichen mit --exact-names oder durch Abwählen von „Nummerierte Namen zuordnen“).</numerusform><numerusform>%n Span-Namen mit laufspezifischen Nummern oder IDs wurden über eine normalisierte Form zugeordnet, z. B. %1 (exakte Namen vergleichen mit --exact-names oder durch Abwählen von „Nummerierte Namen zuordnen“).</numerusform></translation>
    </message>
    <message>
        <source>%1 of %2 ↔ %3 (%4 similar work)</source>
        <translation>%1 aus %2 ↔ %3 (%4 ähnliche Arbeit)</translation>
    </message>
    <message numerus="yes">
        <source>; and %n more</source>
        <translation><numerusform>; und %n weitere</numerusform><numerusform>; und %n weitere</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Lanes were paired by role and by the work on them, not by their numbers: %1. %n lane(s) kept their name.</source>
        <translation><numerusform>Spuren wurden nach Rolle und der Arbeit auf ihnen gepaart, nicht nach ihren Nummern: %1. %n Spur behielt ihren Namen.</numerusform><numerusform>Spuren wurden nach Rolle und der Arbeit auf ihnen gepaart, nicht nach ihren Nummern: %1. %n Spuren behielten ihren Namen.</numerusform></translation>
    </message>
    <message>
        <source>About the same: %1 vs %2, within the baselines' spread.</source>
        <translation>Etwa gleich: %1 gegenüber %2, innerhalb der Streuung der Referenzen.</translation>
    </message>
    <message>
        <source>About the same: %1 vs %2, the same structure.</source>
        <translation>Etwa gleich: %1 gegenüber %2, dieselbe Struktur.</translation>
    </message>
    <message>
        <source>; %1=%2 (%3)</source>
        <translation>; %1=%2 (%3)</translation>
    </message>
    <message>
        <source>not on the critical path</source>
        <translation>nicht auf dem kritischen Pfad</translation>
    </message>
    <message>
        <source>critical path %1 → %2 (%3)</source>
        <translation>kritischer Pfad %1 → %2 (%3)</translation>
    </message>
    <message>
        <source>parallelism %1 → %2, wall time %3 → %4</source>
        <translation>Parallelität %1 → %2, Wanduhrzeit %3 → %4</translation>
    </message>
    <message>
        <source>%1 in the baseline</source>
        <translation>%1 in der Referenz</translation>
    </message>
    <message>
        <source>%1 in %2/%3 baselines</source>
        <translation>%1 in %2/%3 Referenzen</translation>
    </message>
    <message>
        <source>%1 in %2/%3</source>
        <translation>%1 in %2/%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n calls one after another under %2 (parallelism %3), %4 in all: an N+1 pattern? Run at once they could take about %5 (the longest call)%6</source>
        <translation><numerusform>%1 — %n Aufruf nacheinander unter %2 (Parallelität %3), insgesamt %4: ein N+1-Muster? Gleichzeitig ausgeführt könnten sie etwa %5 dauern (der längste Aufruf)%6</numerusform><numerusform>%1 — %n Aufrufe nacheinander unter %2 (Parallelität %3), insgesamt %4: ein N+1-Muster? Gleichzeitig ausgeführt könnten sie etwa %5 dauern (der längste Aufruf)%6</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>its %n child call(s)</source>
        <translation><numerusform>sein %n Kindaufruf</numerusform><numerusform>seine %n Kindaufrufe</numerusform></translation>
    </message>
    <message>
        <source>ran one at a time (parallelism %1) instead of %2 at once</source>
        <translation>liefen einzeln nacheinander (Parallelität %1) statt %2 gleichzeitig</translation>
    </message>
    <message>
        <source>ran %1 at once instead of %2</source>
        <translation>liefen %1 gleichzeitig statt %2</translation>
    </message>
    <message>
        <source>their wall time grew from %1 to %2</source>
        <translation>ihre Wanduhrzeit stieg von %1 auf %2</translation>
    </message>
    <message>
        <source>their wall time fell from %1 to %2</source>
        <translation>ihre Wanduhrzeit sank von %1 auf %2</translation>
    </message>
    <message>
        <source>%1 — %2 %3: %4 (%5%6)%7</source>
        <translation>%1 — %2 %3: %4 (%5%6)%7</translation>
    </message>
    <message>
        <source>Baseline %1 (%2) is itself an outlier against the other baselines (median %3): it may be a slow run to use as the target, or one to leave out.</source>
        <translation>Die Referenz %1 (%2) ist selbst ein Ausreißer gegenüber den anderen Referenzen (Median %3): vielleicht ein langsamer Lauf, der das Ziel sein sollte, oder einer, der weggelassen werden sollte.</translation>
    </message>
    <message numerus="yes">
        <source>%n baselines share the target's trace id (%1): they may be copies or re-exports of one trace.</source>
        <translation><numerusform>%n Referenz hat die Trace-ID des Ziels (%1): vielleicht Kopien oder neue Exporte desselben Traces.</numerusform><numerusform>%n Referenzen haben die Trace-ID des Ziels (%1): vielleicht Kopien oder neue Exporte desselben Traces.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n lane(s) ran in only some of the baselines and are left out of the ranking (baselines having each in brackets): %1.</source>
        <translation><numerusform>%n Spur lief nur in einigen Referenzen und bleibt aus der Rangfolge (Referenzen mit ihr in Klammern): %1.</numerusform><numerusform>%n Spuren liefen nur in einigen Referenzen und bleiben aus der Rangfolge (Referenzen mit jeder in Klammern): %1.</numerusform></translation>
    </message>
    <message>
        <source> The baselines took %1 – %2.</source>
        <translation> Die Referenzen dauerten %1 – %2.</translation>
    </message>
    <message numerus="yes">
        <source>; all %n calls changed</source>
        <translation><numerusform>; der %n Aufruf hat sich geändert</numerusform><numerusform>; alle %n Aufrufe haben sich geändert</numerusform></translation>
    </message>
    <message>
        <source>call #%1: %2 vs %3</source>
        <translation>Aufruf Nr. %1: %2 statt %3</translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>%n weiterer</numerusform><numerusform>%n weitere</numerusform></translation>
    </message>
    <message>
        <source>; %1 of %2 calls changed — %3; the others %4 – %5 as in the baselines</source>
        <translation>; %1 von %2 Aufrufen haben sich geändert — %3; die übrigen %4 – %5 wie in den Referenzen</translation>
    </message>
    <message>
        <source>%1 — failed in the target, where no baseline failed</source>
        <translation>%1 — im Ziel fehlgeschlagen, in keiner Referenz</translation>
    </message>
    <message>
        <source>%1 — failed in the target: “%2” (no baseline failed here)</source>
        <translation>%1 — im Ziel fehlgeschlagen: „%2“ (keine Referenz schlug hier fehl)</translation>
    </message>
    <message>
        <source>; %1 into the request</source>
        <translation>; %1 nach Beginn der Anfrage</translation>
    </message>
    <message>
        <source>; the error reached %1</source>
        <translation>; der Fehler erreichte %1</translation>
    </message>
    <message>
        <source>; it was retried and the retry succeeded</source>
        <translation>; der Aufruf wurde wiederholt, und die Wiederholung gelang</translation>
    </message>
    <message>
        <source>Failed: %1 failed first, %2 into the request</source>
        <translation>Fehlgeschlagen: %1 schlug zuerst fehl, %2 nach Beginn der Anfrage</translation>
    </message>
    <message>
        <source>Failed: %1 failed first (“%2”), %3 into the request</source>
        <translation>Fehlgeschlagen: %1 schlug zuerst fehl („%2“), %3 nach Beginn der Anfrage</translation>
    </message>
    <message numerus="yes">
        <source>; the request ended after %1 vs %2 in the baselines, and %n of their operation(s) did not run.</source>
        <translation><numerusform>; die Anfrage endete nach %1 statt %2 in den Referenzen, und %n ihrer Operationen lief nicht.</numerusform><numerusform>; die Anfrage endete nach %1 statt %2 in den Referenzen, und %n ihrer Operationen liefen nicht.</numerusform></translation>
    </message>
    <message>
        <source>; the request ended after %1 vs %2 in the baselines.</source>
        <translation>; die Anfrage endete nach %1 statt %2 in den Referenzen.</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>der obersten Ebene</translation>
    </message>
    <message numerus="yes">
        <source>%1 reported no spans in the target (%2/%3 baselines have %n under %4): the trace may be incomplete, so this gap is not ranked as a cause.</source>
        <translation><numerusform>%1 meldete im Ziel keine Spans (%2/%3 Referenzen haben %n unter %4): der Trace ist vielleicht unvollständig, daher wird diese Lücke nicht als Ursache gereiht.</numerusform><numerusform>%1 meldete im Ziel keine Spans (%2/%3 Referenzen haben %n unter %4): der Trace ist vielleicht unvollständig, daher wird diese Lücke nicht als Ursache gereiht.</numerusform></translation>
    </message>
    <message>
        <source> The baselines' requests took %1 – %2.</source>
        <translation> Die Anfragen der Referenzen dauerten %1 – %2.</translation>
    </message>
    <message>
        <source>Slower: </source>
        <translation>Langsamer: </translation>
    </message>
    <message>
        <source>Faster: </source>
        <translation>Schneller: </translation>
    </message>
    <message>
        <source>the whole trace %1 vs %2</source>
        <translation>der ganze Trace %1 statt %2</translation>
    </message>
    <message>
        <source>the request took %1 vs %2 (%3, %4)</source>
        <translation>die Anfrage dauerte %1 statt %2 (%3, %4)</translation>
    </message>
    <message>
        <source>; with the work it started, %1 (%2).</source>
        <translation>; mit der von ihr angestoßenen Arbeit %1 (%2).</translation>
    </message>
    <message>
        <source>; background work ended as before (%1).</source>
        <translation>; die Hintergrundarbeit endete wie zuvor (%1).</translation>
    </message>
    <message>
        <source>%1 later</source>
        <translation>%1 später</translation>
    </message>
    <message>
        <source>%1 earlier</source>
        <translation>%1 früher</translation>
    </message>
    <message>
        <source>the request took as long as before (%1 vs %2); the work it started finished %3 (%4).</source>
        <translation>die Anfrage dauerte so lange wie zuvor (%1 statt %2); die von ihr angestoßene Arbeit endete %3 (%4).</translation>
    </message>
    <message>
        <source>%1 — %2 not covered by any child span (%3 %4; %5%6): uninstrumented work or waiting inside this operation%7</source>
        <translation>%1 — %2 Eigenzeit, die kein Kind-Span abdeckt (%3 %4; %5%6): nicht instrumentierte Arbeit oder Warten in dieser Operation%7</translation>
    </message>
    <message>
        <source>The target has %1 root spans; the request is the earliest SERVER root, %2 (%3).</source>
        <translation>Das Ziel hat %1 Wurzel-Spans; die Anfrage ist die früheste SERVER-Wurzel, %2 (%3).</translation>
    </message>
    <message>
        <source>The target has %1 root spans and none of kind SERVER; the request is the earliest root, %2 (%3).</source>
        <translation>Das Ziel hat %1 Wurzel-Spans und keine der Art SERVER; die Anfrage ist die früheste Wurzel, %2 (%3).</translation>
    </message>
    <message numerus="yes">
        <source>%1's spans by %2 inside their callers in %3 (%n span(s) and their subtrees)</source>
        <translation><numerusform>die Spans von %1 um %2 in ihre Aufrufer in %3 (%n Span und sein Teilbaum)</numerusform><numerusform>die Spans von %1 um %2 in ihre Aufrufer in %3 (%n Spans und ihre Teilbäume)</numerusform></translation>
    </message>
    <message>
        <source>Clock skew adjusted for the analysis (latency-halving rule, as Jaeger and Zipkin do; the files' times are unchanged): in the target, %1.</source>
        <translation>Uhrenabweichung für die Analyse ausgeglichen (Regel der halbierten Latenz, wie bei Jaeger und Zipkin; die Zeiten der Dateien bleiben unverändert): im Ziel %1 verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>Clock skew adjusted in %n baseline(s) as well.</source>
        <translation><numerusform>Uhrenabweichung auch in %n Referenz ausgeglichen.</numerusform><numerusform>Uhrenabweichung auch in %n Referenzen ausgeglichen.</numerusform></translation>
    </message>
    <message>
        <source>%1 — started %2 after %3 ended (%4 %5; %6): waiting in a queue or for a consumer</source>
        <translation>%1 — begann %2 nach dem Ende von %3 (%4 %5; %6): Warten in einer Warteschlange oder auf einen Verbraucher</translation>
    </message>
    <message>
        <source>%1 — outlives its parent %2 by %3 (%4 %5; %6): work that went on after its caller stopped waiting (abandoned on a timeout, or not awaited)</source>
        <translation>%1 — überdauert seinen Eltern-Span %2 um %3 (%4 %5; %6): Arbeit, die weiterlief, nachdem der Aufrufer nicht mehr wartete (nach einer Zeitüberschreitung aufgegeben oder nicht abgewartet)</translation>
    </message>
    <message numerus="yes">
        <source> (summed over %n calls)</source>
        <translation><numerusform> (summiert über %n Aufruf)</numerusform><numerusform> (summiert über %n Aufrufe)</numerusform></translation>
    </message>
    <message>
        <source>%1 — %2 not covered by its child spans (%3 %4; %5%6): it waited %7 for %8, work its children started that outlives them%9</source>
        <translation>%1 — %2 Eigenzeit, die seine Kind-Spans nicht abdecken (%3 %4; %5%6): es wartete %7 auf %8, Arbeit, die seine Kinder anstießen und die sie überdauert%9</translation>
    </message>
    <message numerus="yes">
        <source>%n more baseline(s) are outliers against the others as well.</source>
        <translation><numerusform>%n weitere Referenz ist ebenfalls ein Ausreißer gegenüber den anderen.</numerusform><numerusform>%n weitere Referenzen sind ebenfalls Ausreißer gegenüber den anderen.</numerusform></translation>
    </message>
    <message>
        <source>No span changed in the direction of the whole (%1): the listed changes go the other way.</source>
        <translation>Kein Span änderte sich in Richtung des Ganzen (%1): Die aufgeführten Änderungen gehen in die andere Richtung.</translation>
    </message>
    <message>
        <source>The listed changes explain %1 of the %2.</source>
        <translation>Die aufgeführten Änderungen erklären %1 von %2.</translation>
    </message>
    <message>
        <source>%1 of the %2 operations took less time of their own: the whole run was a little faster, not one part of it (a faster machine or less load than in the baselines' runs).</source>
        <translation>%1 der %2 Operationen brauchten selbst weniger Zeit: Der ganze Lauf war etwas schneller, nicht ein Teil davon (eine schnellere Maschine oder weniger Last als in den Läufen der Referenzen).</translation>
    </message>
    <message>
        <source>%1 of the %2 operations took more time of their own: the whole run was a little slower, not one part of it (a slower machine or more load than in the baselines' runs).</source>
        <translation>%1 der %2 Operationen brauchten selbst mehr Zeit: Der ganze Lauf war etwas langsamer, nicht ein Teil davon (eine langsamere Maschine oder mehr Last als in den Läufen der Referenzen).</translation>
    </message>
    <message>
        <source>The rest is in parts too small to list on their own.</source>
        <translation>Der Rest steckt in Teilen, die einzeln zu klein für die Liste sind.</translation>
    </message>
    <message>
        <source>The largest of them: %1: %2, self time %3 (%4 vs %5 median).</source>
        <translation>Der größte davon: %1: %2, Eigenzeit %3 (%4 statt %5 Median).</translation>
    </message>
    <message numerus="yes">
        <source>The target took %1 against the baselines' %2 – %3, but %n baseline run(s) cannot show how far one more normal run strays, no part of it explains the difference, and a run this far off is expected now and then: taken as within their spread.</source>
        <translation><numerusform>Das Ziel brauchte %1 gegenüber %2 – %3 der Referenzen, aber %n Referenzlauf kann nicht zeigen, wie weit ein weiterer normaler Lauf abweicht, kein Teil erklärt den Unterschied, und ein so weit abweichender Lauf ist hin und wieder zu erwarten: als innerhalb ihrer Streuung gewertet.</numerusform><numerusform>Das Ziel brauchte %1 gegenüber %2 – %3 der Referenzen, aber %n Referenzläufe können nicht zeigen, wie weit ein weiterer normaler Lauf abweicht, kein Teil erklärt den Unterschied, und ein so weit abweichender Lauf ist hin und wieder zu erwarten: als innerhalb ihrer Streuung gewertet.</numerusform></translation>
    </message>
    <message>
        <source>About the same: %1 vs %2, outside the baselines' range but within how far one more normal run strays.</source>
        <translation>Etwa gleich: %1 statt %2, außerhalb des Bereichs der Referenzen, aber innerhalb dessen, wie weit ein weiterer normaler Lauf abweicht.</translation>
    </message>
</context>
<context>
    <name>ComparisonInputs</name>
    <message>
        <source>%1: give BASELINE… --target FILE, or exactly two files A B (A baseline, B target)</source>
        <translation>%1: REFERENZ… --target DATEI angeben oder genau zwei Dateien A B (A Referenz, B Ziel)</translation>
    </message>
    <message>
        <source>%1: %2 holds no trace%3</source>
        <translation>%1: %2 enthält keinen Trace%3</translation>
    </message>
    <message>
        <source> with id %1</source>
        <translation> mit der ID %1</translation>
    </message>
    <message>
        <source>%1: %2 holds %3 traces; using the first (%4). Pick one with --trace-id.</source>
        <translation>%1: %2 enthält %3 Traces; der erste (%4) wird verwendet. Mit --trace-id einen wählen.</translation>
    </message>
    <message>
        <source>%1: the files hold no trace%2</source>
        <translation>%1: die Dateien enthalten keinen Trace%2</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>added in the target</source>
        <translation>im Ziel hinzugekommen</translation>
    </message>
    <message>
        <source>missing from the target</source>
        <translation>fehlt im Ziel</translation>
    </message>
    <message>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <source>call count changed</source>
        <translation>Aufrufzahl geändert</translation>
    </message>
    <message>
        <source>disproportionate self time</source>
        <translation>unverhältnismäßige Eigenzeit</translation>
    </message>
    <message>
        <source>new in the target</source>
        <translation>neu im Ziel</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>concurrency changed</source>
        <translation>Nebenläufigkeit geändert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>waited longer</source>
        <translation>wartete länger</translation>
    </message>
    <message>
        <source>outlives its parent</source>
        <translation>überdauert den Eltern-Span</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>export: --%1 needs a non-negative number</source>
        <translation>export: --%1 braucht eine nicht negative Zahl</translation>
    </message>
    <message>
        <source>Render the comparison of a target trace with its baselines, with notes, to an image (PNG, SVG, PDF) or an incident report (HTML, Markdown), without a display.</source>
        <translation>Zeichnet den Vergleich eines Ziel-Traces mit seinen Referenzen samt Notizen als Bild (PNG, SVG, PDF) oder Vorfallsbericht (HTML, Markdown), ohne Bildschirm.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Baseline trace files (normal runs).</source>
        <translation>Referenz-Tracedateien (normale Läufe).</translation>
    </message>
    <message>
        <source>The trace to explain (the slow one).</source>
        <translation>Der zu erklärende Trace (der langsame).</translation>
    </message>
    <message>
        <source>Where to write: .png, .svg, .pdf, .html or .md.</source>
        <translation>Wohin schreiben: .png, .svg, .pdf, .html oder .md.</translation>
    </message>
    <message>
        <source>gantt (default), flame or diff.</source>
        <translation>gantt (Standard), flame oder diff.</translation>
    </message>
    <message>
        <source>Callouts for the top N findings.</source>
        <translation>Hinweise für die N wichtigsten Befunde.</translation>
    </message>
    <message>
        <source>A note on the target's first span named SPAN_NAME.</source>
        <translation>Eine Notiz am ersten Span des Ziels namens SPAN_NAME.</translation>
    </message>
    <message>
        <source>Picture width in pixels (default 1600).</source>
        <translation>Bildbreite in Pixeln (Standard 1600).</translation>
    </message>
    <message>
        <source>Picture height in pixels (default: what it needs).</source>
        <translation>Bildhöhe in Pixeln (Standard: so viel wie nötig).</translation>
    </message>
    <message>
        <source>PNG pixel scale for high-DPI (default 1).</source>
        <translation>PNG-Pixelskalierung für hohe Auflösung (Standard 1).</translation>
    </message>
    <message>
        <source>Use only traces with this id.</source>
        <translation>Nur Traces mit dieser ID verwenden.</translation>
    </message>
    <message>
        <source>export: say where to write with -o OUT.png|svg|pdf|html|md</source>
        <translation>export: Ziel mit -o AUSGABE.png|svg|pdf|html|md angeben</translation>
    </message>
    <message>
        <source>export: %1: unknown extension "%2" (use .png, .svg, .pdf, .html or .md)</source>
        <translation>export: %1: unbekannte Endung „%2“ (.png, .svg, .pdf, .html oder .md verwenden)</translation>
    </message>
    <message>
        <source>export: --view must be gantt, flame or diff, not "%1"</source>
        <translation>export: --view muss gantt, flame oder diff sein, nicht „%1“</translation>
    </message>
    <message>
        <source>export: --scale must be a number between 0 and 8</source>
        <translation>export: --scale muss eine Zahl zwischen 0 und 8 sein</translation>
    </message>
    <message>
        <source>export: --note needs SPAN_NAME=text, got "%1"</source>
        <translation>export: --note braucht SPAN_NAME=Text, erhalten: „%1“</translation>
    </message>
    <message>
        <source>export: the target %1 has no span named "%2"</source>
        <translation>export: Das Ziel %1 hat keinen Span namens „%2“</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 × %3 px). %4
</source>
        <translation>%1 geschrieben (%2 × %3 px). %4
</translation>
    </message>
    <message>
        <source>Align span names and lanes exactly as written.</source>
        <translation>Span-Namen und Spuren genau wie geschrieben zuordnen.</translation>
    </message>
</context>
<context>
    <name>FetchCommand</name>
    <message>
        <source>Fetch traces by id from a Jaeger, Tempo or Zipkin server.</source>
        <translation>Traces nach ID von einem Jaeger-, Tempo- oder Zipkin-Server holen.</translation>
    </message>
    <message>
        <source>Folder to write the traces to.</source>
        <translation>Ordner, in den die Traces geschrieben werden.</translation>
    </message>
    <message>
        <source>Trace ids or UI links.</source>
        <translation>Trace-IDs oder UI-Links.</translation>
    </message>
    <message>
        <source>fetch: give at least one trace id</source>
        <translation>fetch: geben Sie mindestens eine Trace-ID an</translation>
    </message>
    <message>
        <source>fetch: cannot create %1</source>
        <translation>fetch: %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>fetch: no trace id in "%1"</source>
        <translation>fetch: keine Trace-ID in „%1“</translation>
    </message>
    <message>
        <source>fetch: cannot write %1: %2</source>
        <translation>fetch: %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1  %n span(s)
</source>
        <translation><numerusform>%1  %n Span
</numerusform><numerusform>%1  %n Spans
</numerusform></translation>
    </message>
</context>
<context>
    <name>FileContent</name>
    <message>
        <source>cannot start gzip decompression</source>
        <translation>gzip-Entpacken lässt sich nicht starten</translation>
    </message>
    <message>
        <source>the gzip data is truncated (the file ends before the compressed stream does)</source>
        <translation>die gzip-Daten sind abgeschnitten (die Datei endet vor dem komprimierten Datenstrom)</translation>
    </message>
    <message>
        <source>the gzip data is corrupt</source>
        <translation>die gzip-Daten sind beschädigt</translation>
    </message>
    <message>
        <source>cannot open the file: %1</source>
        <translation>die Datei lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>cannot read the file: %1</source>
        <translation>die Datei lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>the gzip data inflates to more than %1, the limit for one file (raise it with --max-size, or Edit → Load Limits in the window)</source>
        <translation>die gzip-Daten entpacken zu mehr als %1, der Grenze für eine Datei (anheben mit --max-size oder im Fenster über Bearbeiten → Ladegrenzen)</translation>
    </message>
    <message>
        <source>this is a folder, not a trace file</source>
        <translation>das ist ein Ordner, keine Tracedatei</translation>
    </message>
    <message>
        <source>this is not a regular file (a pipe, socket or device); save the trace to a file first</source>
        <translation>das ist keine reguläre Datei (eine Pipe, ein Socket oder ein Gerät); speichern Sie den Trace zuerst in einer Datei</translation>
    </message>
    <message>
        <source>the file is larger than %1, the limit for one file (raise it with --max-size, or Edit → Load Limits in the window)</source>
        <translation>die Datei ist größer als %1, die Grenze für eine Datei (anheben mit --max-size oder im Fenster über Bearbeiten → Ladegrenzen)</translation>
    </message>
    <message>
        <source>not enough memory to read this file into memory</source>
        <translation>nicht genug Speicher, um diese Datei einzulesen</translation>
    </message>
    <message>
        <source>this is a PNG image, not a trace file</source>
        <translation>das ist ein PNG-Bild, keine Tracedatei</translation>
    </message>
    <message>
        <source>this is a JPEG image, not a trace file</source>
        <translation>das ist ein JPEG-Bild, keine Tracedatei</translation>
    </message>
    <message>
        <source>this is a GIF image, not a trace file</source>
        <translation>das ist ein GIF-Bild, keine Tracedatei</translation>
    </message>
    <message>
        <source>this is a PDF document, not a trace file</source>
        <translation>das ist ein PDF-Dokument, keine Tracedatei</translation>
    </message>
    <message>
        <source>this is a ZIP archive, not a trace file; extract the trace from it first</source>
        <translation>das ist ein ZIP-Archiv, keine Tracedatei; entpacken Sie zuerst den Trace daraus</translation>
    </message>
    <message>
        <source>this is Zstandard-compressed data; decompress it first (only gzip is read directly)</source>
        <translation>das sind Zstandard-komprimierte Daten; entpacken Sie sie zuerst (nur gzip wird direkt gelesen)</translation>
    </message>
    <message>
        <source>this is a binary file, not a trace (trace files are JSON text)</source>
        <translation>das ist eine Binärdatei, kein Trace (Tracedateien sind JSON-Text)</translation>
    </message>
    <message>
        <source>the gzip data does not hold a trace (it inflates to binary data that is neither JSON nor OTLP protobuf)</source>
        <translation>die gzip-Daten enthalten keinen Trace (sie entpacken zu Binärdaten, die weder JSON noch OTLP-Protobuf sind)</translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message numerus="yes">
        <source>%n trace event(s) that are not JSON objects were skipped</source>
        <translation><numerusform>%n Trace-Ereignis, das kein JSON-Objekt ist, wurde übersprungen</numerusform><numerusform>%n Trace-Ereignisse, die keine JSON-Objekte sind, wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n trace event(s) without a readable "ts" were skipped</source>
        <translation><numerusform>%n Trace-Ereignis ohne lesbares „ts“ wurde übersprungen</numerusform><numerusform>%n Trace-Ereignisse ohne lesbares „ts“ wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n complete event(s) have no "dur"; shown with zero length</source>
        <translation><numerusform>%n vollständiges Ereignis hat kein „dur“; mit Länge null gezeigt</numerusform><numerusform>%n vollständige Ereignisse haben kein „dur“; mit Länge null gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n "E" event(s) without a matching "B" were ignored</source>
        <translation><numerusform>%n „E“-Ereignis ohne passendes „B“ wurde ignoriert</numerusform><numerusform>%n „E“-Ereignisse ohne passendes „B“ wurden ignoriert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n "E" event(s) close a slice of a different name; matched by nesting</source>
        <translation><numerusform>%n „E“-Ereignis schließt einen Abschnitt anderen Namens; nach Verschachtelung zugeordnet</numerusform><numerusform>%n „E“-Ereignisse schließen einen Abschnitt anderen Namens; nach Verschachtelung zugeordnet</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n "B" event(s) are never closed and are not shown</source>
        <translation><numerusform>%n „B“-Ereignis wird nie geschlossen und nicht gezeigt</numerusform><numerusform>%n „B“-Ereignisse werden nie geschlossen und nicht gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) overlap a slice on the same thread without nesting; shown beside it</source>
        <translation><numerusform>%n Abschnitt überlappt einen Abschnitt desselben Threads ohne Verschachtelung; daneben gezeigt</numerusform><numerusform>%n Abschnitte überlappen einen Abschnitt desselben Threads ohne Verschachtelung; daneben gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n instant event(s) lie outside every slice of their thread and are not shown</source>
        <translation><numerusform>%n Momentereignis liegt außerhalb aller Abschnitte seines Threads und wird nicht gezeigt</numerusform><numerusform>%n Momentereignisse liegen außerhalb aller Abschnitte ihres Threads und werden nicht gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) of kinds that are not spans (async, flow, counter, sample, object) were not shown</source>
        <translation><numerusform>%n Ereignis einer Art, die kein Span ist (async, flow, counter, sample, object), wurde nicht gezeigt</numerusform><numerusform>%n Ereignisse von Arten, die keine Spans sind (async, flow, counter, sample, object), wurden nicht gezeigt</numerusform></translation>
    </message>
    <message>
        <source>the file ends inside an event; that event was ignored</source>
        <translation>die Datei endet mitten in einem Ereignis; dieses wurde ignoriert</translation>
    </message>
    <message numerus="yes">
        <source>the trace holds no complete slices (%n "B" event(s) never closed)</source>
        <translation><numerusform>der Trace enthält keine vollständigen Abschnitte (%n „B“-Ereignis nie geschlossen)</numerusform><numerusform>der Trace enthält keine vollständigen Abschnitte (%n „B“-Ereignisse nie geschlossen)</numerusform></translation>
    </message>
    <message>
        <source>the trace holds no slices (no "X" events or "B"/"E" pairs)</source>
        <translation>der Trace enthält keine Abschnitte (keine „X“-Ereignisse oder „B“/„E“-Paare)</translation>
    </message>
    <message numerus="yes">
        <source>%n trace object(s) without a "spans" array were skipped</source>
        <translation><numerusform>%n Trace-Objekt ohne „spans“-Array wurde übersprungen</numerusform><numerusform>%n Trace-Objekte ohne „spans“-Array wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span entr(y/ies) that are not JSON objects were skipped</source>
        <translation><numerusform>%n Span-Eintrag, der kein JSON-Objekt ist, wurde übersprungen</numerusform><numerusform>%n Span-Einträge, die keine JSON-Objekte sind, wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have no readable startTime; placed at time 0</source>
        <translation><numerusform>%n Span hat keine lesbare startTime; auf Zeit 0 gesetzt</numerusform><numerusform>%n Spans haben keine lesbare startTime; auf Zeit 0 gesetzt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have no readable duration; shown with zero length</source>
        <translation><numerusform>%n Span hat keine lesbare Dauer; mit Länge null gezeigt</numerusform><numerusform>%n Spans haben keine lesbare Dauer; mit Länge null gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have no service name; shown as unknown_service</source>
        <translation><numerusform>%n Span hat keinen Dienstnamen; als unknown_service gezeigt</numerusform><numerusform>%n Spans haben keinen Dienstnamen; als unknown_service gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) carry warnings from the Jaeger backend</source>
        <translation><numerusform>%n Span trägt Warnungen des Jaeger-Backends</numerusform><numerusform>%n Spans tragen Warnungen des Jaeger-Backends</numerusform></translation>
    </message>
    <message>
        <source>the Jaeger document holds no traces</source>
        <translation>das Jaeger-Dokument enthält keine Traces</translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) have no service.name attribute; their spans are shown as unknown_service</source>
        <translation><numerusform>%n Ressource hat kein service.name-Attribut; ihre Spans werden als unknown_service gezeigt</numerusform><numerusform>%n Ressourcen haben kein service.name-Attribut; ihre Spans werden als unknown_service gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) lack a readable startTimeUnixNano or endTimeUnixNano</source>
        <translation><numerusform>%n Span fehlt eine lesbare startTimeUnixNano oder endTimeUnixNano</numerusform><numerusform>%n Spans fehlt eine lesbare startTimeUnixNano oder endTimeUnixNano</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>read as JSON Lines (%n line(s))</source>
        <translation><numerusform>als JSON Lines gelesen (%n Zeile)</numerusform><numerusform>als JSON Lines gelesen (%n Zeilen)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n log or metric block(s) skipped</source>
        <translation><numerusform>%n Log- oder Metrikblock übersprungen</numerusform><numerusform>%n Log- oder Metrikblöcke übersprungen</numerusform></translation>
    </message>
    <message>
        <source>the OTLP document holds no spans</source>
        <translation>das OTLP-Dokument enthält keine Spans</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have no duration (incomplete or one-way); shown with zero length</source>
        <translation><numerusform>%n Span hat keine Dauer (unvollständig oder einseitig); mit Länge null gezeigt</numerusform><numerusform>%n Spans haben keine Dauer (unvollständig oder einseitig); mit Länge null gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have no timestamp; placed at the trace start</source>
        <translation><numerusform>%n Span hat keinen Zeitstempel; an den Trace-Anfang gesetzt</numerusform><numerusform>%n Spans haben keinen Zeitstempel; an den Trace-Anfang gesetzt</numerusform></translation>
    </message>
    <message>
        <source>the Zipkin document holds no spans</source>
        <translation>das Zipkin-Dokument enthält keine Spans</translation>
    </message>
    <message>
        <source>the file holds more than %1 spans, the limit for one file (raise it with --max-spans, or Edit → Load Limits in the window)</source>
        <translation>die Datei enthält mehr als %1 Spans, die Grenze für eine Datei (anheben mit --max-spans oder im Fenster über Bearbeiten → Ladegrenzen)</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) nested too deeply were cut off and are shown as "%1"</source>
        <translation><numerusform>%n zu tief verschachtelter Wert wurde abgeschnitten und wird als „%1“ gezeigt</numerusform><numerusform>%n zu tief verschachtelte Werte wurden abgeschnitten und werden als „%1“ gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>not enough memory to load this file (%n span(s) read)</source>
        <translation><numerusform>nicht genug Speicher, um diese Datei zu laden (%n Span gelesen)</numerusform><numerusform>nicht genug Speicher, um diese Datei zu laden (%n Spans gelesen)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) reported in several parts (same id and service) were merged, as Zipkin does</source>
        <translation><numerusform>%n in mehreren Teilen gemeldeter Span (gleiche ID und gleicher Dienst) wurde zusammengeführt, wie Zipkin es tut</numerusform><numerusform>%n in mehreren Teilen gemeldete Spans (gleiche ID und gleicher Dienst) wurden zusammengeführt, wie Zipkin es tut</numerusform></translation>
    </message>
    <message>
        <source>the protobuf data is empty</source>
        <translation>die Protobuf-Daten sind leer</translation>
    </message>
    <message>
        <source>not an OTLP protobuf trace message (ExportTraceServiceRequest or TracesData), or it is truncated</source>
        <translation>keine OTLP-Protobuf-Trace-Nachricht (ExportTraceServiceRequest oder TracesData), oder sie ist abgeschnitten</translation>
    </message>
    <message>
        <source>the body is not a valid OTLP protobuf ExportTraceServiceRequest (truncated, or not protobuf)</source>
        <translation>der Inhalt ist kein gültiger OTLP-Protobuf-ExportTraceServiceRequest (abgeschnitten oder kein Protobuf)</translation>
    </message>
    <message numerus="yes">
        <source>%n "E" event(s) name no open slice and were ignored</source>
        <translation><numerusform>%n „E“-Ereignis nennt keinen offenen Slice und wurde ignoriert</numerusform><numerusform>%n „E“-Ereignisse nennen keinen offenen Slice und wurden ignoriert</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n aggregate event(s) (sums the producer wrote beside its events, such as clang's “Total …”) kept as a summary table, not as spans</source>
        <translation><numerusform>%n Summenereignis (Summen, die der Erzeuger neben seine Ereignisse schreibt, etwa clangs „Total …“) als Tabelle der Summen behalten, nicht als Span</numerusform><numerusform>%n Summenereignisse (Summen, die der Erzeuger neben seine Ereignisse schreibt, etwa clangs „Total …“) als Tabelle der Summen behalten, nicht als Spans</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read and were skipped</source>
        <translation><numerusform>%n Datensatz konnte nicht gelesen werden und wurde übersprungen</numerusform><numerusform>%n Datensätze konnten nicht gelesen werden und wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>read as a stream of %n length-delimited protobuf message(s)</source>
        <translation><numerusform>als Folge von %n längenpräfixierten Protobuf-Nachricht gelesen</numerusform><numerusform>als Folge von %n längenpräfixierten Protobuf-Nachrichten gelesen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n slice end(s) on a track with no open slice were ignored (their begin came before tracing started, or was lost)</source>
        <translation><numerusform>%n Slice-Ende auf einer Spur ohne offenen Slice wurde ignoriert (sein Beginn lag vor dem Start der Aufzeichnung oder ging verloren)</numerusform><numerusform>%n Slice-Enden auf Spuren ohne offenen Slice wurden ignoriert (ihr Beginn lag vor dem Start der Aufzeichnung oder ging verloren)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) still open when tracing stopped are not shown</source>
        <translation><numerusform>%n beim Ende der Aufzeichnung noch offener Slice wird nicht gezeigt</numerusform><numerusform>%n beim Ende der Aufzeichnung noch offene Slices werden nicht gezeigt</numerusform></translation>
    </message>
    <message>
        <source>counters and statistics</source>
        <translation>Zähler und Statistiken</translation>
    </message>
    <message>
        <source>track events on no track</source>
        <translation>Spurereignisse ohne Spur</translation>
    </message>
    <message>
        <source>malformed track event: a packed list is cut off</source>
        <translation>fehlerhaftes Spurereignis: eine gepackte Liste ist abgeschnitten</translation>
    </message>
    <message>
        <source>track events of no known type</source>
        <translation>Spurereignisse unbekannten Typs</translation>
    </message>
    <message>
        <source>malformed debug annotation</source>
        <translation>fehlerhafte Debug-Annotation</translation>
    </message>
    <message>
        <source>the file ends inside the field at byte %1</source>
        <translation>die Datei endet innerhalb des Felds bei Byte %1</translation>
    </message>
    <message>
        <source>bad varint in the field tag at byte %1</source>
        <translation>ungültiger Varint im Feldkennzeichen bei Byte %1</translation>
    </message>
    <message>
        <source>bad varint at byte %1</source>
        <translation>ungültiger Varint bei Byte %1</translation>
    </message>
    <message>
        <source>the field at byte %1 has wire type %2, which no Perfetto trace has</source>
        <translation>das Feld bei Byte %1 hat den Wire-Typ %2, den kein Perfetto-Trace hat</translation>
    </message>
    <message>
        <source>the file ends inside the packet header at byte %1</source>
        <translation>die Datei endet im Paketkopf bei Byte %1</translation>
    </message>
    <message>
        <source>bad varint in the packet length at byte %1</source>
        <translation>ungültiger Varint in der Paketlänge bei Byte %1</translation>
    </message>
    <message>
        <source>the packet at byte %1 claims %2 bytes, more than any Perfetto packet (the file is corrupt)</source>
        <translation>das Paket bei Byte %1 gibt %2 Bytes an, mehr als jedes Perfetto-Paket (die Datei ist beschädigt)</translation>
    </message>
    <message>
        <source>the file ends inside the packet at byte %1 (it claims %2 bytes; it was cut off)</source>
        <translation>die Datei endet im Paket bei Byte %1 (es gibt %2 Bytes an; sie wurde abgeschnitten)</translation>
    </message>
    <message>
        <source>; what came before it was read</source>
        <translation>; was davor stand, wurde gelesen</translation>
    </message>
    <message>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>CPU samples and profiles</source>
        <translation>CPU-Stichproben und Profile</translation>
    </message>
    <message>
        <source>logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>GPU and graphics</source>
        <translation>GPU und Grafik</translation>
    </message>
    <message>
        <source>JavaScript code maps</source>
        <translation>JavaScript-Codezuordnungen</translation>
    </message>
    <message>
        <source>compressed packets (not read)</source>
        <translation>komprimierte Pakete (nicht gelesen)</translation>
    </message>
    <message>
        <source>legacy Chrome JSON events</source>
        <translation>alte Chrome-JSON-Ereignisse</translation>
    </message>
    <message>
        <source>metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderes</translation>
    </message>
    <message>
        <source>a number runs past the end of its data</source>
        <translation>eine Zahl reicht über das Ende ihrer Daten hinaus</translation>
    </message>
    <message>
        <source>a number is longer than 10 bytes (a bad varint)</source>
        <translation>eine Zahl ist länger als 10 Bytes (ungültiger Varint)</translation>
    </message>
    <message>
        <source>a field claims %1 bytes, more than remain</source>
        <translation>ein Feld gibt %1 Bytes an, mehr als übrig sind</translation>
    </message>
    <message>
        <source>a field has an unknown wire type</source>
        <translation>ein Feld hat einen unbekannten Wire-Typ</translation>
    </message>
    <message>
        <source>a field has number 0</source>
        <translation>ein Feld hat die Nummer 0</translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) or event(s) that are not spans were skipped</source>
        <translation><numerusform>%n Paket oder Ereignis, das kein Span ist, wurde übersprungen</numerusform><numerusform>%n Pakete oder Ereignisse, die keine Spans sind, wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n kernel (ftrace) event(s) that are not spans were skipped</source>
        <translation><numerusform>%n Kernel-Ereignis (ftrace), das kein Span ist, wurde übersprungen</numerusform><numerusform>%n Kernel-Ereignisse (ftrace), die keine Spans sind, wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) refer to interned names never defined on their packet sequence; shown as “unknown name”</source>
        <translation><numerusform>%n Ereignis verweist auf einen internierten Namen, der in seiner Paketfolge nie definiert wurde; als „unbekannter Name“ gezeigt</numerusform><numerusform>%n Ereignisse verweisen auf internierte Namen, die in ihrer Paketfolge nie definiert wurden; als „unbekannter Name“ gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) depend on interned data or clocks lost before them (data loss) and were skipped</source>
        <translation><numerusform>%n Paket hängt von internierten Daten oder Uhren ab, die davor verloren gingen (Datenverlust), und wurde übersprungen</numerusform><numerusform>%n Pakete hängen von internierten Daten oder Uhren ab, die davor verloren gingen (Datenverlust), und wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) are timed on a clock that no clock snapshot relates to the trace clock (%1) and were skipped</source>
        <translation><numerusform>%n Paket ist nach einer Uhr datiert, die kein Uhren-Schnappschuss mit der Trace-Uhr (%1) verbindet, und wurde übersprungen</numerusform><numerusform>%n Pakete sind nach einer Uhr datiert, die kein Uhren-Schnappschuss mit der Trace-Uhr (%1) verbindet, und wurden übersprungen</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n malformed packet(s) were skipped (the first at byte %1)</source>
        <translation><numerusform>%n fehlerhaftes Paket wurde übersprungen (bei Byte %1)</numerusform><numerusform>%n fehlerhafte Pakete wurden übersprungen (das erste bei Byte %1)</numerusform></translation>
    </message>
    <message>
        <source>malformed %1: %2</source>
        <translation>fehlerhaftes %1: %2</translation>
    </message>
    <message>
        <source>malformed clock snapshot</source>
        <translation>fehlerhafter Uhren-Schnappschuss</translation>
    </message>
    <message>
        <source>marks on no thread (navigation timing)</source>
        <translation>Markierungen ohne Thread (Navigations-Timing)</translation>
    </message>
    <message numerus="yes">
        <source>%n flow step(s) between slices are kept as links (a span's Details list them)</source>
        <translation><numerusform>%n Fluss-Schritt zwischen Slices ist als Verknüpfung erhalten (die Details eines Spans listen ihn auf)</numerusform><numerusform>%n Fluss-Schritte zwischen Slices sind als Verknüpfungen erhalten (die Details eines Spans listen sie auf)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s) touch only one slice in the trace (the other end came before tracing started, after it stopped, or on an event that is not a slice)</source>
        <translation><numerusform>%n Fluss berührt nur einen Slice der Aufzeichnung (das andere Ende lag vor ihrem Beginn, nach ihrem Ende oder auf einem Ereignis, das kein Slice ist)</numerusform><numerusform>%n Flüsse berühren nur einen Slice der Aufzeichnung (das andere Ende lag vor ihrem Beginn, nach ihrem Ende oder auf einem Ereignis, das kein Slice ist)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n async slice(s) still open when tracing stopped are not shown</source>
        <translation><numerusform>%n beim Ende der Aufzeichnung noch offener asynchroner Slice wird nicht gezeigt</numerusform><numerusform>%n beim Ende der Aufzeichnung noch offene asynchrone Slices werden nicht gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n async slice end(s) without a begin of their id were ignored (their begin came before tracing started)</source>
        <translation><numerusform>%n Ende eines asynchronen Slice ohne Beginn seiner ID wurde ignoriert (der Beginn lag vor dem Start der Aufzeichnung)</numerusform><numerusform>%n Enden asynchroner Slices ohne Beginn ihrer ID wurden ignoriert (der Beginn lag vor dem Start der Aufzeichnung)</numerusform></translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Incident summary</source>
        <translation>Vorfallsbericht</translation>
    </message>
    <message>
        <source>Generated by TraceDelta %1 on %2.</source>
        <translation>Erstellt mit TraceDelta %1 am %2.</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Root-cause candidates</source>
        <translation>Ursachenkandidaten</translation>
    </message>
    <message>
        <source>No span explains a difference beyond the thresholds.</source>
        <translation>Kein Span erklärt einen Unterschied über die Schwellenwerte hinaus.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Annotated comparison</source>
        <translation>Kommentierter Vergleich</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: unknown report format "%2" (use .html or .md)</source>
        <translation>%1: unbekanntes Berichtsformat „%2“ (.html oder .md verwenden)</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Calls (baseline median → target)</source>
        <translation>Aufrufe (Median der Referenzen → Ziel)</translation>
    </message>
    <message>
        <source>Total (baseline median → target)</source>
        <translation>Gesamt (Median der Referenzen → Ziel)</translation>
    </message>
    <message>
        <source>Self (target)</source>
        <translation>Eigenzeit (Ziel)</translation>
    </message>
    <message>
        <source>Δ total</source>
        <translation>Δ gesamt</translation>
    </message>
    <message>
        <source>Operations that changed most</source>
        <translation>Operationen mit der größten Änderung</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1 – %2 in %3</source>
        <translation>%1 – %2 in %3</translation>
    </message>
</context>
<context>
    <name>LoadLimitOptions</name>
    <message>
        <source>Refuse a file with more than N spans (default %1).</source>
        <translation>Eine Datei mit mehr als N Spans ablehnen (Standard %1).</translation>
    </message>
    <message>
        <source>Refuse a file larger than SIZE after decompression, e.g. 500M or 8G (default %1).</source>
        <translation>Eine Datei ablehnen, die entpackt größer als GRÖSSE ist, z. B. 500M oder 8G (Standard %1).</translation>
    </message>
    <message>
        <source>%1: --max-spans needs a positive number, not "%2"</source>
        <translation>%1: --max-spans braucht eine positive Zahl, nicht „%2“</translation>
    </message>
    <message>
        <source>%1: --max-size needs a size such as 500M or 8G, not "%2"</source>
        <translation>%1: --max-size braucht eine Größe wie 500M oder 8G, nicht „%2“</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>About TraceDelta</source>
        <translation>Über TraceDelta</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TraceDelta %1&lt;/h3&gt;&lt;p&gt;Compare distributed and profiler traces side by side and find where the time went.&lt;/p&gt;&lt;p&gt;TraceDelta is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (LGPLv3), QCustomPlot (GPLv3) and nlohmann/json (MIT).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TraceDelta %1&lt;/h3&gt;&lt;p&gt;Verteilte Traces und Profiler-Traces nebeneinander vergleichen und herausfinden, wohin die Zeit ging.&lt;/p&gt;&lt;p&gt;TraceDelta ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version, weitergeben und/oder verändern.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (LGPLv3), QCustomPlot (GPLv3) und nlohmann/json (MIT).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mouse wheel&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt; / &lt;b&gt;S&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;zoom in / out at the cursor&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Drag&lt;/b&gt;, &lt;b&gt;A&lt;/b&gt; / &lt;b&gt;D&lt;/b&gt;, &lt;b&gt;←&lt;/b&gt; / &lt;b&gt;→&lt;/b&gt; (nothing selected)&lt;/td&gt;&lt;td&gt;pan in time&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift + wheel&lt;/b&gt;, &lt;b&gt;↑&lt;/b&gt; / &lt;b&gt;↓&lt;/b&gt; (nothing selected)&lt;/td&gt;&lt;td&gt;scroll rows&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Double-click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;line up the span's counterparts in every pane and zoom to them (absolute wall clock: zoom to the span)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;↑&lt;/b&gt; / &lt;b&gt;↓&lt;/b&gt; / &lt;b&gt;←&lt;/b&gt; / &lt;b&gt;→&lt;/b&gt; with a span selected&lt;/td&gt;&lt;td&gt;step to the previous / next row, the parent, the first child (icicles and packed tracks: parent, child, siblings)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+F10&lt;/b&gt;, &lt;b&gt;Menu&lt;/b&gt;&lt;/td&gt;&lt;td&gt;the selected span's menu (note, zoom, align)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;0&lt;/b&gt;, &lt;b&gt;Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;show the whole trace&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Click&lt;/b&gt;&lt;/td&gt;&lt;td&gt;select a span and its counterparts in every pane&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;clear the selection&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;search&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt; / &lt;b&gt;F3&lt;/b&gt;, &lt;b&gt;Shift+Enter&lt;/b&gt; / &lt;b&gt;Shift+F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next / previous match, selected in every pane; &lt;b&gt;Esc&lt;/b&gt; in the search box clears it&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;F5&lt;/b&gt;, &lt;b&gt;Del&lt;/b&gt; (Traces panel)&lt;/td&gt;&lt;td&gt;use as target, reload the file, close the trace&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt; (Traces panel)&lt;/td&gt;&lt;td&gt;take a trace in or out of the comparison&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;swap the target with the chosen (or only) baseline&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1&lt;/b&gt; / &lt;b&gt;Ctrl+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;timelines / flame graphs&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+B&lt;/b&gt;&lt;/td&gt;&lt;td&gt;overlay the baselines on the target&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right-click&lt;/b&gt; a span&lt;/td&gt;&lt;td&gt;add a note&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift + drag&lt;/b&gt;&lt;/td&gt;&lt;td&gt;note a time range&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo notes&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;export image, copy image&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+S&lt;/b&gt;, &lt;b&gt;Ctrl+Shift+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;save / open workspace&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Mausrad&lt;/b&gt;, &lt;b&gt;W&lt;/b&gt; / &lt;b&gt;S&lt;/b&gt;, &lt;b&gt;+&lt;/b&gt; / &lt;b&gt;−&lt;/b&gt;&lt;/td&gt;&lt;td&gt;am Mauszeiger vergrößern / verkleinern&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ziehen&lt;/b&gt;, &lt;b&gt;A&lt;/b&gt; / &lt;b&gt;D&lt;/b&gt;, &lt;b&gt;←&lt;/b&gt; / &lt;b&gt;→&lt;/b&gt; (nichts ausgewählt)&lt;/td&gt;&lt;td&gt;in der Zeit verschieben&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Umschalt + Mausrad&lt;/b&gt;, &lt;b&gt;↑&lt;/b&gt; / &lt;b&gt;↓&lt;/b&gt; (nichts ausgewählt)&lt;/td&gt;&lt;td&gt;Zeilen rollen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Doppelklick&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die Gegenstücke des Spans in allen Bereichen ausrichten und auf sie zoomen (absolute Uhrzeit: auf den Span zoomen)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;↑&lt;/b&gt; / &lt;b&gt;↓&lt;/b&gt; / &lt;b&gt;←&lt;/b&gt; / &lt;b&gt;→&lt;/b&gt; bei ausgewähltem Span&lt;/td&gt;&lt;td&gt;zur vorigen / nächsten Zeile, zum Elternspan, zum ersten Kind (Eiszapfen und gepackte Spuren: Eltern, Kind, Geschwister)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Umschalt+F10&lt;/b&gt;, &lt;b&gt;Menü&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Menü des ausgewählten Spans (Notiz, Zoom, Ausrichten)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;0&lt;/b&gt;, &lt;b&gt;Strg+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;den ganzen Trace zeigen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Klick&lt;/b&gt;&lt;/td&gt;&lt;td&gt;einen Span und seine Gegenstücke in allen Bereichen auswählen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Esc&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Auswahl aufheben&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;suchen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Eingabe&lt;/b&gt; / &lt;b&gt;F3&lt;/b&gt;, &lt;b&gt;Umschalt+Eingabe&lt;/b&gt; / &lt;b&gt;Umschalt+F3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;nächster / vorheriger Treffer, in jedem Bereich ausgewählt; &lt;b&gt;Esc&lt;/b&gt; im Suchfeld leert es&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;T&lt;/b&gt;, &lt;b&gt;F5&lt;/b&gt;, &lt;b&gt;Entf&lt;/b&gt; (Traces-Liste)&lt;/td&gt;&lt;td&gt;als Ziel verwenden, Datei neu laden, Trace schließen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Leertaste&lt;/b&gt; (Traces-Liste)&lt;/td&gt;&lt;td&gt;einen Trace in den Vergleich aufnehmen oder herausnehmen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+T&lt;/b&gt;&lt;/td&gt;&lt;td&gt;das Ziel mit der gewählten (oder einzigen) Referenz tauschen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+1&lt;/b&gt; / &lt;b&gt;Strg+2&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Zeitleisten / Flammendiagramme&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+B&lt;/b&gt;&lt;/td&gt;&lt;td&gt;die Referenzen über das Ziel legen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Rechtsklick&lt;/b&gt; auf einen Span&lt;/td&gt;&lt;td&gt;Notiz hinzufügen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Umschalt + Ziehen&lt;/b&gt;&lt;/td&gt;&lt;td&gt;einen Zeitraum notieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+Z&lt;/b&gt; / &lt;b&gt;Strg+Umschalt+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Notizen rückgängig / wiederholen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+E&lt;/b&gt;, &lt;b&gt;Strg+Umschalt+C&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Bild exportieren, Bild kopieren&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Strg+S&lt;/b&gt;, &lt;b&gt;Strg+Umschalt+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Arbeitsmappe speichern / öffnen&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
</context>
<context>
    <name>Occurrences</name>
    <message numerus="yes">
        <source>"%1" occurs %n time(s); comparing needs at least two occurrences</source>
        <translation><numerusform>„%1“ kommt %n-mal vor; ein Vergleich braucht mindestens zwei Vorkommen</numerusform><numerusform>„%1“ kommt %n-mal vor; ein Vergleich braucht mindestens zwei Vorkommen</numerusform></translation>
    </message>
    <message>
        <source>there is no occurrence %1 of "%2" (0 to %3)</source>
        <translation>es gibt kein Vorkommen %1 von „%2“ (0 bis %3)</translation>
    </message>
    <message>
        <source>%1 of %2 %3 took &gt; 2× the median of %4</source>
        <translation>%1 von %2 %3 dauerten &gt; 2× den Median von %4</translation>
    </message>
    <message>
        <source>all %1 others</source>
        <translation>alle %1 anderen</translation>
    </message>
    <message>
        <source>the %1 typical others (outliers beyond 3 robust σ left out)</source>
        <translation>die %1 typischen anderen (Ausreißer jenseits von 3 robusten σ ausgelassen)</translation>
    </message>
    <message>
        <source>Target: %1 #%2 of %3 (at %4, %5); baselines: %6, median %7, p90 %8.</source>
        <translation>Ziel: %1 #%2 von %3 (bei %4, %5); Referenzen: %6, Median %7, p90 %8.</translation>
    </message>
    <message>
        <source>%1 #%2 (at %3)</source>
        <translation>%1 #%2 (bei %3)</translation>
    </message>
</context>
<context>
    <name>ReceiveCommand</name>
    <message>
        <source>Receive traces over OTLP/HTTP and write each one to a file.</source>
        <translation>Traces über OTLP/HTTP empfangen und jeden in eine Datei schreiben.</translation>
    </message>
    <message>
        <source>Address and port to listen on (default 127.0.0.1:4318; port 0 picks a free one). Other hosts can send only when you listen on their network, e.g. 0.0.0.0:4318.</source>
        <translation>Adresse und Port zum Lauschen (Standard 127.0.0.1:4318; Port 0 wählt einen freien). Andere Rechner können nur senden, wenn Sie in ihrem Netz lauschen, z. B. 0.0.0.0:4318.</translation>
    </message>
    <message>
        <source>Folder for the received traces (default ./received-traces).</source>
        <translation>Ordner für die empfangenen Traces (Standard ./received-traces).</translation>
    </message>
    <message>
        <source>A trace is complete when no span arrived for it for this many seconds (default 5).</source>
        <translation>Ein Trace ist vollständig, wenn so viele Sekunden lang kein Span für ihn ankam (Standard 5).</translation>
    </message>
    <message>
        <source>Refuse request bodies larger than SIZE, also after decompression (default 64M).</source>
        <translation>Anfragen mit mehr als GRÖSSE Inhalt ablehnen, auch nach dem Entpacken (Standard 64M).</translation>
    </message>
    <message>
        <source>Stop after N traces were written.</source>
        <translation>Nach N geschriebenen Traces beenden.</translation>
    </message>
    <message>
        <source>receive: --listen needs HOST:PORT, not "%1"</source>
        <translation>receive: --listen braucht HOST:PORT, nicht „%1“</translation>
    </message>
    <message>
        <source>receive: --quiet-time needs seconds between 0 and 3600, not "%1"</source>
        <translation>receive: --quiet-time braucht Sekunden zwischen 0 und 3600, nicht „%1“</translation>
    </message>
    <message>
        <source>receive: --max-body needs a size such as 64M, not "%1"</source>
        <translation>receive: --max-body braucht eine Größe wie 64M, nicht „%1“</translation>
    </message>
    <message>
        <source>receive: --exit-after needs a positive number, not "%1"</source>
        <translation>receive: --exit-after braucht eine positive Zahl, nicht „%1“</translation>
    </message>
    <message>
        <source>Listening for OTLP/HTTP traces (protobuf or JSON) on %1
Point your application at it: OTEL_EXPORTER_OTLP_ENDPOINT=%2
Writing each trace to %3 when no span arrived for it for %4 s; Ctrl+C to stop.
</source>
        <translation>Empfange OTLP/HTTP-Traces (Protobuf oder JSON) auf %1
Richten Sie Ihre Anwendung darauf: OTEL_EXPORTER_OTLP_ENDPOINT=%2
Jeder Trace wird nach %3 geschrieben, wenn %4 s lang kein Span für ihn ankam; Strg+C beendet.
</translation>
    </message>
    <message numerus="yes">
        <source>%1  trace %2  %n span(s)
</source>
        <translation><numerusform>%1  Trace %2  %n Span
</numerusform><numerusform>%1  Trace %2  %n Spans
</numerusform></translation>
    </message>
    <message>
        <source>rejected a request (HTTP %1): %2
</source>
        <translation>eine Anfrage abgelehnt (HTTP %1): %2
</translation>
    </message>
</context>
<context>
    <name>RecentComparisons</name>
    <message>
        <source>target: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>baseline: %1</source>
        <translation>Referenz: %1</translation>
    </message>
</context>
<context>
    <name>RepeatedOptions</name>
    <message>
        <source>Compare one occurrence of a repeated span (a frame, a step, a task; '*' and '?' match any text and one character) with the other occurrences in FILE…; --baselines all|typical chooses which.</source>
        <translation>Ein Vorkommen eines wiederholten Spans (ein Frame, ein Schritt, eine Aufgabe; '*' und '?' stehen für beliebigen Text und ein Zeichen) mit den anderen Vorkommen in DATEI… vergleichen; --baselines all|typical wählt, mit welchen.</translation>
    </message>
    <message>
        <source>With --repeated: the occurrence to explain, the slowest (default), a 0-based index or a time from the trace's start such as 1.2s or 850ms.</source>
        <translation>Mit --repeated: das zu erklärende Vorkommen, das langsamste (Standard), ein Index ab 0 oder eine Zeit ab Beginn des Traces wie 1.2s oder 850ms.</translation>
    </message>
    <message>
        <source>With --repeated: compare with all other occurrences (default) or only the typical ones (outliers beyond 3 robust σ left out).</source>
        <translation>Mit --repeated: mit allen anderen Vorkommen vergleichen (Standard) oder nur mit den typischen (Ausreißer jenseits von 3 robusten σ ausgelassen).</translation>
    </message>
    <message>
        <source>%1: --target-occurrence must be slowest, an index or a time such as 1.2s, not "%2"</source>
        <translation>%1: --target-occurrence muss slowest, ein Index oder eine Zeit wie 1.2s sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1: --baselines must be all or typical, not "%2"</source>
        <translation>%1: --baselines muss all oder typical sein, nicht „%2“</translation>
    </message>
    <message>
        <source>%1: --repeated needs one or more trace files</source>
        <translation>%1: --repeated braucht eine oder mehrere Tracedateien</translation>
    </message>
    <message>
        <source>%1: with --repeated, choose the occurrence with --target-occurrence, not --target</source>
        <translation>%1: mit --repeated wird das Vorkommen mit --target-occurrence gewählt, nicht mit --target</translation>
    </message>
</context>
<context>
    <name>ReportPicture</name>
    <message>
        <source>Differential flame graph — width: target time; colour: change against the baseline median</source>
        <translation>Differenz-Flammendiagramm — Breite: Zeit im Ziel; Farbe: Änderung gegenüber dem Median der Referenzen</translation>
    </message>
    <message>
        <source>No traces loaded</source>
        <translation>Keine Traces geladen</translation>
    </message>
    <message>
        <source>Target: %1 (trace %2, %3)</source>
        <translation>Ziel: %1 (Trace %2, %3)</translation>
    </message>
    <message>
        <source>baselines (median %1): %2</source>
        <translation>Referenzen (Median %1): %2</translation>
    </message>
    <message>
        <source> · absolute wall clock</source>
        <translation> · absolute Uhrzeit</translation>
    </message>
    <message>
        <source> · aligned at each trace's start</source>
        <translation> · am Anfang jedes Traces ausgerichtet</translation>
    </message>
    <message>
        <source>TraceDelta %1 · %2%3</source>
        <translation>TraceDelta %1 · %2%3</translation>
    </message>
    <message>
        <source>Root-cause candidates, most likely first</source>
        <translation>Ursachenkandidaten, wahrscheinlichste zuerst</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>TraceDelta comparison</source>
        <translation>TraceDelta-Vergleich</translation>
    </message>
    <message>
        <source>%1: cannot write SVG</source>
        <translation>%1: SVG kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: cannot write PDF</source>
        <translation>%1: PDF kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: unknown image format "%2" (use .png, .svg or .pdf)</source>
        <translation>%1: unbekanntes Bildformat „%2“ (.png, .svg oder .pdf verwenden)</translation>
    </message>
    <message>
        <source> · aligned at “%1” in every trace</source>
        <translation> · in jedem Trace an „%1“ ausgerichtet</translation>
    </message>
</context>
<context>
    <name>ServerFetch</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>trace %1 holds no spans</source>
        <translation>Trace %1 enthält keine Spans</translation>
    </message>
</context>
<context>
    <name>ServerOptions</name>
    <message>
        <source>trace %1 from %2: %3</source>
        <translation>Trace %1 von %2: %3</translation>
    </message>
    <message>
        <source>A Jaeger, Tempo or Zipkin server's base URL (API port, e.g. http://localhost:16686).</source>
        <translation>Basis-URL eines Jaeger-, Tempo- oder Zipkin-Servers (API-Port, z. B. http://localhost:16686).</translation>
    </message>
    <message>
        <source>jaeger, jaeger-v3, tempo, tempo-v2 or zipkin (default: by port, 3200 tempo, 9411 zipkin, else jaeger).</source>
        <translation>jaeger, jaeger-v3, tempo, tempo-v2 oder zipkin (Standard: nach Port, 3200 tempo, 9411 zipkin, sonst jaeger).</translation>
    </message>
    <message>
        <source>Seconds to wait for each answer (default 30).</source>
        <translation>Sekunden Wartezeit je Antwort (Standard 30).</translation>
    </message>
    <message>
        <source>Also trust the certificate authority in this PEM file.</source>
        <translation>Zusätzlich der Zertifizierungsstelle in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <source>With --server: the trace to explain, by id or UI link.</source>
        <translation>Mit --server: der zu erklärende Trace, als ID oder UI-Link.</translation>
    </message>
    <message>
        <source>With --server: a baseline trace by id (repeat for more).</source>
        <translation>Mit --server: ein Referenz-Trace als ID (für mehrere wiederholen).</translation>
    </message>
    <message>
        <source>With --server: "auto" finds normal traces of the target's root operation before it.</source>
        <translation>Mit --server: „auto“ findet normale Traces der Wurzeloperation des Ziels vor ihm.</translation>
    </message>
    <message>
        <source>With --baselines auto: how many baselines (default 10).</source>
        <translation>Mit --baselines auto: wie viele Referenzen (Standard 10).</translation>
    </message>
    <message>
        <source>With --baselines auto: how far before the target to search, e.g. 30m, 1h, 1d (default 1h).</source>
        <translation>Mit --baselines auto: wie weit vor dem Ziel gesucht wird, z. B. 30m, 1h, 1d (Standard 1h).</translation>
    </message>
    <message>
        <source>%1: --server URL is required (e.g. http://localhost:16686)</source>
        <translation>%1: --server URL ist nötig (z. B. http://localhost:16686)</translation>
    </message>
    <message>
        <source>%1: --kind is jaeger, jaeger-v3, tempo, tempo-v2 or zipkin, not "%2"</source>
        <translation>%1: --kind ist jaeger, jaeger-v3, tempo, tempo-v2 oder zipkin, nicht „%2“</translation>
    </message>
    <message>
        <source>%1: --timeout needs a number of seconds</source>
        <translation>%1: --timeout braucht eine Anzahl Sekunden</translation>
    </message>
    <message>
        <source>%1: --server needs --target-id with a trace id or UI link</source>
        <translation>%1: --server braucht --target-id mit einer Trace-ID oder einem UI-Link</translation>
    </message>
    <message>
        <source>%1: --baselines takes "auto"; name traces with --baseline-id</source>
        <translation>%1: --baselines nimmt „auto“; einzelne Traces nennen Sie mit --baseline-id</translation>
    </message>
    <message>
        <source>%1: give --baseline-id ID… or --baselines auto</source>
        <translation>%1: geben Sie --baseline-id ID… oder --baselines auto an</translation>
    </message>
    <message>
        <source>%1: --count needs a number from 1 to 100</source>
        <translation>%1: --count braucht eine Zahl von 1 bis 100</translation>
    </message>
    <message>
        <source>%1: --window needs a duration such as 30m, 1h or 1d, not "%2"</source>
        <translation>%1: --window braucht eine Dauer wie 30m, 1h oder 1d, nicht „%2“</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n baseline(s) of %2 “%3” from %4 trace(s) found in the %5 before the target: %6</source>
        <translation><numerusform>%1: %n Referenz von %2 „%3“ aus %4 Traces, gefunden in den %5 vor dem Ziel: %6</numerusform><numerusform>%1: %n Referenzen von %2 „%3“ aus %4 Traces, gefunden in den %5 vor dem Ziel: %6</numerusform></translation>
    </message>
    <message>
        <source>%1: no trace id in "%2"</source>
        <translation>%1: keine Trace-ID in „%2“</translation>
    </message>
    <message>
        <source>%1: no baseline could be fetched from %2</source>
        <translation>%1: keine Referenz konnte von %2 geholt werden</translation>
    </message>
</context>
<context>
    <name>ServerResponses</name>
    <message>
        <source>the answer is not valid JSON</source>
        <translation>die Antwort ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>the answer is not a Jaeger search result (no "data" list)</source>
        <translation>die Antwort ist kein Jaeger-Suchergebnis (keine „data“-Liste)</translation>
    </message>
    <message>
        <source>the answer is not a Zipkin search result (a list of traces)</source>
        <translation>die Antwort ist kein Zipkin-Suchergebnis (eine Liste von Traces)</translation>
    </message>
    <message>
        <source>the answer is not a Tempo search result (no "traces" list)</source>
        <translation>die Antwort ist kein Tempo-Suchergebnis (keine „traces“-Liste)</translation>
    </message>
    <message>
        <source>the answer is not a list of names</source>
        <translation>die Antwort ist keine Liste von Namen</translation>
    </message>
</context>
<context>
    <name>ServerTraceStore</name>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1: der Ordner kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 %2 · trace %3</source>
        <translation>%1 %2 · Trace %3</translation>
    </message>
</context>
<context>
    <name>SpanBar</name>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>StatsCommand</name>
    <message>
        <source>[%1] %2%3
</source>
        <translation>[%1] %2%3
</translation>
    </message>
    <message>
        <source> (target)</source>
        <translation> (Ziel)</translation>
    </message>
    <message>
        <source>operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>[%1] calls   total    self</source>
        <translation>[%1] Aufrufe gesamt  eigen</translation>
    </message>
    <message>
        <source>Δ total vs median</source>
        <translation>Δ gesamt zum Median</translation>
    </message>
    <message>
        <source>  candidate #%1</source>
        <translation>  Kandidat #%1</translation>
    </message>
    <message>
        <source>Count, total and self time of every operation, per trace and against the baselines.</source>
        <translation>Anzahl, Gesamt- und Eigenzeit jeder Operation, je Trace und gegenüber den Referenzen.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Trace files; with several, the last is the target.</source>
        <translation>Tracedateien; bei mehreren ist die letzte das Ziel.</translation>
    </message>
    <message>
        <source>The trace to compare with the others.</source>
        <translation>Der Trace, der mit den anderen verglichen wird.</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Maschinenlesbares JSON ausgeben.</translation>
    </message>
    <message>
        <source>Group rows by operation, path or lane (default operation).</source>
        <translation>Zeilen nach Operation, Pfad oder Spur gruppieren (Standard: Operation).</translation>
    </message>
    <message>
        <source>Order rows by self, total, count or delta (default: delta with baselines, else self).</source>
        <translation>Zeilen nach Eigenzeit, Gesamtzeit, Anzahl oder Änderung ordnen (Standard: Änderung mit Referenzen, sonst Eigenzeit).</translation>
    </message>
    <message>
        <source>Show at most N rows (default 30 in text, all in JSON).</source>
        <translation>Höchstens N Zeilen zeigen (Standard: 30 als Text, alle als JSON).</translation>
    </message>
    <message>
        <source>Use only traces with this id.</source>
        <translation>Nur Traces mit dieser ID verwenden.</translation>
    </message>
    <message>
        <source>Group names exactly as written.</source>
        <translation>Namen genau wie geschrieben gruppieren.</translation>
    </message>
    <message>
        <source>stats: --by must be operation, path or lane, not "%1"</source>
        <translation>stats: --by muss operation, path oder lane sein, nicht „%1“</translation>
    </message>
    <message>
        <source>stats: give one or more trace files</source>
        <translation>stats: geben Sie eine oder mehrere Tracedateien an</translation>
    </message>
    <message>
        <source>stats: --sort must be self, total, count or delta, not "%1"</source>
        <translation>stats: --sort muss self, total, count oder delta sein, nicht „%1“</translation>
    </message>
    <message>
        <source>stats: --top needs a non-negative number</source>
        <translation>stats: --top braucht eine nicht negative Zahl</translation>
    </message>
</context>
<context>
    <name>SummaryCommand</name>
    <message>
        <source>%1 — %2 trace %3
</source>
        <translation>%1 — %2 Trace %3
</translation>
    </message>
    <message>
        <source>  spans: %1   services: %2   duration: %3
</source>
        <translation>  Spans: %1   Dienste: %2   Dauer: %3
</translation>
    </message>
    <message>
        <source>  root: %1: %2
</source>
        <translation>  Wurzel: %1: %2
</translation>
    </message>
    <message>
        <source>  largest self time:
</source>
        <translation>  größte Eigenzeit:
</translation>
    </message>
    <message>
        <source>self</source>
        <translation>eigen</translation>
    </message>
    <message>
        <source>Print what trace files hold: spans, services, duration, largest self times.</source>
        <translation>Zeigt, was Tracedateien enthalten: Spans, Dienste, Dauer, größte Eigenzeiten.</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>Der Befehl.</translation>
    </message>
    <message>
        <source>Trace files (Jaeger, Zipkin, OTLP or Chrome JSON, optionally .gz).</source>
        <translation>Tracedateien (Jaeger-, Zipkin-, OTLP- oder Chrome-JSON, auch .gz).</translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Maschinenlesbares JSON ausgeben.</translation>
    </message>
    <message>
        <source>summary: no trace files given</source>
        <translation>summary: keine Tracedateien angegeben</translation>
    </message>
    <message>
        <source>  producer's totals (sums over occurrences, not spans):
</source>
        <translation>  Summen des Erzeugers (über alle Vorkommen, keine Spans):
</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation><numerusform>%n Mal</numerusform><numerusform>%n Mal</numerusform></translation>
    </message>
    <message>
        <source>  repeated units (compare one with the others: compare FILE --repeated NAME):
</source>
        <translation>  wiederholte Einheiten (eine mit den anderen vergleichen: compare DATEI --repeated NAME):
</translation>
    </message>
    <message>
        <source>    %1×  median %2  p90 %3  max %4  %5 (%6)
</source>
        <translation>    %1×  Median %2  p90 %3  max %4  %5 (%6)
</translation>
    </message>
</context>
<context>
    <name>TraceBuilder</name>
    <message numerus="yes">
        <source>%n span(s) reuse the id of another span; children attach to the first one</source>
        <translation><numerusform>%n Span verwendet die ID eines anderen Spans; Kinder hängen am ersten</numerusform><numerusform>%n Spans verwenden die ID eines anderen Spans; Kinder hängen am ersten</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) name themselves as parent; shown as top-level spans</source>
        <translation><numerusform>%n Span nennt sich selbst als Elternteil; als oberster Span gezeigt</numerusform><numerusform>%n Spans nennen sich selbst als Elternteil; als oberste Spans gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) reference a parent that is not in the file; shown as top-level spans</source>
        <translation><numerusform>%n Span verweist auf ein Elternteil, das nicht in der Datei ist; als oberster Span gezeigt</numerusform><numerusform>%n Spans verweisen auf ein Elternteil, das nicht in der Datei ist; als oberste Spans gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n cycle(s) in parent links were cut; the span closing each cycle is shown as top-level</source>
        <translation><numerusform>%n Zyklus in den Elternverweisen wurde aufgetrennt; der schließende Span wird als oberster gezeigt</numerusform><numerusform>%n Zyklen in den Elternverweisen wurden aufgetrennt; der jeweils schließende Span wird als oberster gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have a negative duration; shown with zero length</source>
        <translation><numerusform>%n Span hat eine negative Dauer; mit Länge null gezeigt</numerusform><numerusform>%n Spans haben eine negative Dauer; mit Länge null gezeigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) start before or end after their parent (clock skew or asynchronous work)</source>
        <translation><numerusform>%n Span beginnt vor oder endet nach seinem Elternteil (Uhrenabweichung oder asynchrone Arbeit)</numerusform><numerusform>%n Spans beginnen vor oder enden nach ihrem Elternteil (Uhrenabweichung oder asynchrone Arbeit)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) have a start or end outside the supported time range (about 146 years around 1970); clamped to its edge</source>
        <translation><numerusform>%n Span hat einen Anfang oder ein Ende außerhalb des unterstützten Zeitbereichs (etwa 146 Jahre um 1970); auf dessen Rand begrenzt</numerusform><numerusform>%n Spans haben einen Anfang oder ein Ende außerhalb des unterstützten Zeitbereichs (etwa 146 Jahre um 1970); auf dessen Rand begrenzt</numerusform></translation>
    </message>
</context>
<context>
    <name>TraceLoader</name>
    <message>
        <source>at %1 (byte %2)</source>
        <translation>bei %1 (Byte %2)</translation>
    </message>
    <message>
        <source>invalid JSON</source>
        <translation>ungültiges JSON</translation>
    </message>
    <message>
        <source>unrecognised trace format</source>
        <translation>unbekanntes Traceformat</translation>
    </message>
    <message>
        <source>loading was cancelled</source>
        <translation>das Laden wurde abgebrochen</translation>
    </message>
    <message>
        <source>cannot load</source>
        <translation>kann nicht geladen werden</translation>
    </message>
    <message>
        <source>not enough memory to load this file</source>
        <translation>nicht genug Speicher, um diese Datei zu laden</translation>
    </message>
    <message>
        <source>unexpected data:</source>
        <translation>unerwartete Daten:</translation>
    </message>
    <message>
        <source>loading failed for an unknown reason</source>
        <translation>das Laden ist aus unbekanntem Grund fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TrackPainter</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>%1: not a workspace: %2 at byte %3</source>
        <translation>%1: keine Arbeitsmappe: %2 bei Byte %3</translation>
    </message>
    <message>
        <source>%1: not a TraceDelta workspace (or one from a newer version)</source>
        <translation>%1: keine TraceDelta-Arbeitsmappe (oder eine aus einer neueren Version)</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage: tracedelta [FILE…] [--target FILE]  open trace files in the comparison window
       tracedelta summary FILE… [--json]   print what trace files hold
       tracedelta compare BASELINE… --target FILE [--json] [--top N] [--trace-id ID]
                [--exact-names]
       tracedelta compare A B              A is the baseline, B the target
       tracedelta compare|stats|export FILE… --repeated NAME|PATTERN
                [--target-occurrence slowest|INDEX|TIME] [--baselines all|typical]
                                           one occurrence against the others in the file
       tracedelta stats FILE… [--target FILE] [--json] [--by operation|path|lane]
                [--sort self|total|count|delta] [--top N]
       tracedelta export BASELINE… --target FILE -o OUT.(png|svg|pdf|html|md)
                [--view gantt|flame|diff] [--annotate-top N] [--note "SPAN_NAME=text"]…
                [--width W --height H] [--scale S] [--exact-names]
       tracedelta export A B -o OUT        A is the baseline, B the target
       tracedelta receive [--listen HOST:PORT] [-o DIR] [--quiet-time SECONDS]
                [--max-body SIZE] [--exit-after N]   receive traces over OTLP/HTTP
       tracedelta compare|export --server URL --target-id ID
                (--baseline-id ID… | --baselines auto [--count N] [--window 1h]) …
       tracedelta fetch --server URL [--kind jaeger|jaeger-v3|tempo|tempo-v2|zipkin]
                [--ca-file PEM] TRACE_ID… -o DIR
       tracedelta --help | --version

Reads Jaeger, Zipkin v2, OpenTelemetry (OTLP/JSON and OTLP protobuf), Chrome
trace-event JSON and Perfetto protobuf traces, plain or gzip-compressed; the format
is detected from the content.
TraceDelta is free software under the GNU GPL, version 3 or later.
</source>
        <translation>Aufruf: tracedelta [DATEI…] [--target DATEI] Tracedateien im Vergleichsfenster öffnen
       tracedelta summary DATEI… [--json]  zeigen, was Tracedateien enthalten
       tracedelta compare REFERENZ… --target DATEI [--json] [--top N] [--trace-id ID]
                [--exact-names]
       tracedelta compare A B              A ist die Referenz, B das Ziel
       tracedelta compare|stats|export DATEI… --repeated NAME|MUSTER
                [--target-occurrence slowest|INDEX|ZEIT] [--baselines all|typical]
                                           ein Vorkommen gegen die anderen der Datei
       tracedelta stats DATEI… [--target DATEI] [--json] [--by operation|path|lane]
                [--sort self|total|count|delta] [--top N]
       tracedelta export REFERENZ… --target DATEI -o AUSGABE.(png|svg|pdf|html|md)
                [--view gantt|flame|diff] [--annotate-top N] [--note "SPAN_NAME=Text"]…
                [--width B --height H] [--scale S] [--exact-names]
       tracedelta export A B -o AUSGABE    A ist die Referenz, B das Ziel
       tracedelta receive [--listen HOST:PORT] [-o ORDNER] [--quiet-time SEKUNDEN]
                [--max-body GRÖSSE] [--exit-after N]   Traces über OTLP/HTTP empfangen
       tracedelta compare|export --server URL --target-id ID
                (--baseline-id ID… | --baselines auto [--count N] [--window 1h]) …
       tracedelta fetch --server URL [--kind jaeger|jaeger-v3|tempo|tempo-v2|zipkin]
                [--ca-file PEM] TRACE_ID… -o ORDNER
       tracedelta --help | --version

Liest Jaeger-, Zipkin-v2-, OpenTelemetry- (OTLP/JSON und OTLP-Protobuf), Chrome-
Trace-Event-JSON- und Perfetto-Protobuf-Traces, unkomprimiert oder gzip-komprimiert;
das Format wird am Inhalt erkannt.
TraceDelta ist freie Software unter der GNU GPL, Version 3 oder später.
</translation>
    </message>
    <message>
        <source>Open FILE as the target (the others as baselines).</source>
        <translation>DATEI als Ziel öffnen (die anderen als Referenzen).</translation>
    </message>
</context>
<context>
    <name>tracedelta::AnnotationStore</name>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notiz löschen</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Move note</source>
        <translation>Notiz verschieben</translation>
    </message>
    <message>
        <source>Annotate top findings</source>
        <translation>Wichtigste Befunde kommentieren</translation>
    </message>
</context>
<context>
    <name>tracedelta::ComparisonActions</name>
    <message>
        <source>&amp;Comparison</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <source>Use as &amp;Target</source>
        <translation>Als &amp;Ziel verwenden</translation>
    </message>
    <message>
        <source>Make the trace chosen in the Traces panel the target</source>
        <translation>Den in der Traces-Liste gewählten Trace zum Ziel machen</translation>
    </message>
    <message>
        <source>&amp;Include in Comparison</source>
        <translation>In den Vergleich &amp;aufnehmen</translation>
    </message>
    <message>
        <source>The target always takes part in the comparison: make another trace the target first.</source>
        <translation>Das Ziel nimmt immer am Vergleich teil: machen Sie zuerst einen anderen Trace zum Ziel.</translation>
    </message>
    <message>
        <source>Take the trace chosen in the Traces panel in or out of the comparison</source>
        <translation>Den in der Traces-Liste gewählten Trace in den Vergleich aufnehmen oder herausnehmen</translation>
    </message>
    <message>
        <source>&amp;Swap Target and Baseline</source>
        <translation>Ziel und Referenz &amp;tauschen</translation>
    </message>
    <message>
        <source>Choose the baseline to swap with in the Traces panel.</source>
        <translation>Wählen Sie in der Traces-Liste die Referenz, mit der getauscht werden soll.</translation>
    </message>
    <message>
        <source>%1 is now a baseline.</source>
        <translation>%1 ist jetzt eine Referenz.</translation>
    </message>
    <message>
        <source>&amp;Exclude from Comparison</source>
        <translation>Aus dem Vergleich &amp;herausnehmen</translation>
    </message>
    <message>
        <source>Align &amp;Numbered Names</source>
        <translation>&amp;Nummerierte Namen zuordnen</translation>
    </message>
    <message>
        <source>Align ProfilerStep#551 with ProfilerStep#1009, /users/123 with /users/77, and threads and GPU streams by the work on them rather than by their numbers</source>
        <translation>ProfilerStep#551 mit ProfilerStep#1009 und /users/123 mit /users/77 zuordnen, Threads und GPU-Streams nach ihrer Arbeit statt nach ihren Nummern</translation>
    </message>
    <message>
        <source> Target: </source>
        <translation> Ziel: </translation>
    </message>
    <message>
        <source>The trace to explain; every other checked trace is a baseline</source>
        <translation>Der zu erklärende Trace; jeder andere angehakte Trace ist eine Referenz</translation>
    </message>
</context>
<context>
    <name>tracedelta::ComparisonView</name>
    <message>
        <source>&amp;Timelines</source>
        <translation>&amp;Zeitleisten</translation>
    </message>
    <message>
        <source>Differential flame graph of the merged tree — width: target time; colour: change against the baseline median</source>
        <translation>Differenz-Flammendiagramm des zusammengeführten Baums — Breite: Zeit im Ziel; Farbe: Änderung gegenüber dem Median der Referenzen</translation>
    </message>
    <message>
        <source>&amp;Flame graphs</source>
        <translation>&amp;Flammendiagramme</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 · %3 · %n span(s)</source>
        <translation><numerusform>%1 · %2 · %3 · %n Span</numerusform><numerusform>%1 · %2 · %3 · %n Spans</numerusform></translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Open two or more traces (File → Open, drag and drop, or the command line).
The slowest run is the target (choose another in the toolbar); the others are its baselines.</source>
        <translation>Öffnen Sie zwei oder mehr Traces (Datei → Öffnen, Ziehen und Ablegen oder die Befehlszeile).
Der langsamste Lauf ist das Ziel (ein anderes wählen Sie in der Werkzeugleiste); die anderen sind seine Referenzen.</translation>
    </message>
    <message numerus="yes">
        <source>%1 — under each bar, the spread of %n baseline(s): whisker min–max, box p10–p90, tick median</source>
        <translation><numerusform>%1 — unter jedem Balken die Streuung von %n Referenz: Whisker Min–Max, Box p10–p90, Strich Median</numerusform><numerusform>%1 — unter jedem Balken die Streuung von %n Referenzen: Whisker Min–Max, Box p10–p90, Strich Median</numerusform></translation>
    </message>
</context>
<context>
    <name>tracedelta::DetailsPanel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>unset</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>&lt;p style='color:gray'&gt;Select a span in a timeline, a flame graph or the root-cause list to see its details here.&lt;/p&gt;</source>
        <translation>&lt;p style='color:gray'&gt;Wählen Sie einen Span in einer Zeitleiste, einem Flammendiagramm oder der Ursachenliste, um hier seine Details zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Span id</source>
        <translation>Span-ID</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Elternteil</translation>
    </message>
    <message>
        <source>Kind · status</source>
        <translation>Art · Status</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Self</source>
        <translation>Eigenzeit</translation>
    </message>
    <message>
        <source>%1 (%2 of the span)</source>
        <translation>%1 (%2 des Spans)</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation><numerusform>… %n weiteres</numerusform><numerusform>… %n weitere</numerusform></translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>In every compared trace</source>
        <translation>In jedem verglichenen Trace</translation>
    </message>
    <message>
        <source>Change: &lt;b&gt;%1&lt;/b&gt;; baseline median total %2, self %3.</source>
        <translation>Änderung: &lt;b&gt;%1&lt;/b&gt;; Median der Referenzen gesamt %2, eigen %3.</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Δ total vs median</source>
        <translation>Δ gesamt zum Median</translation>
    </message>
    <message>
        <source>baselines</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message numerus="yes">
        <source>%n baseline(s) (dots), median (dashed), target (red)</source>
        <translation><numerusform>%n Referenz (Punkt), Median (gestrichelt), Ziel (rot)</numerusform><numerusform>%n Referenzen (Punkte), Median (gestrichelt), Ziel (rot)</numerusform></translation>
    </message>
    <message>
        <source>Attributes that differ from every baseline</source>
        <translation>Attribute, die sich von jeder Referenz unterscheiden</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Baselines</source>
        <translation>Referenzen</translation>
    </message>
    <message>
        <source>Critical path</source>
        <translation>Kritischer Pfad</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Parallelität</translation>
    </message>
    <message>
        <source>Flow from</source>
        <translation>Fluss von</translation>
    </message>
    <message>
        <source>Follows from</source>
        <translation>Folgt auf</translation>
    </message>
    <message>
        <source>Links to</source>
        <translation>Verweist auf</translation>
    </message>
    <message>
        <source>span %1 of trace %2 (not in this file)</source>
        <translation>Span %1 des Traces %2 (nicht in dieser Datei)</translation>
    </message>
    <message>
        <source>Flow to</source>
        <translation>Fluss zu</translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation>Verwiesen von</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flüsse</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
</context>
<context>
    <name>tracedelta::DiffFlameGraph</name>
    <message numerus="yes">
        <source>target %1 (%n span(s))</source>
        <translation><numerusform>Ziel %1 (%n Span)</numerusform><numerusform>Ziel %1 (%n Spans)</numerusform></translation>
    </message>
    <message>
        <source>baseline median %1 · %2</source>
        <translation>Median der Referenzen %1 · %2</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>Notiz &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Add Note…</source>
        <translation>Notiz &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Notiz zu %1:</translation>
    </message>
    <message>
        <source>&amp;Zoom to Node</source>
        <translation>Auf Knoten &amp;zoomen</translation>
    </message>
</context>
<context>
    <name>tracedelta::ExportActions</name>
    <message>
        <source>&amp;Export Image…</source>
        <translation>Bild &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren …</translation>
    </message>
    <message>
        <source>&amp;Copy Image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Ranked &amp;Table in Exports</source>
        <translation>Rang&amp;liste in Exporten</translation>
    </message>
    <message>
        <source>Nothing to export: load traces first.</source>
        <translation>Nichts zu exportieren: Laden Sie zuerst Traces.</translation>
    </message>
    <message>
        <source>Export Image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Scale (for high-DPI screens):</source>
        <translation>Skalierung (für hochauflösende Bildschirme):</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>HTML report (*.html);;Markdown report (*.md)</source>
        <translation>HTML-Bericht (*.html);;Markdown-Bericht (*.md)</translation>
    </message>
    <message>
        <source>The picture is on the clipboard.</source>
        <translation>Das Bild ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>&amp;Dark Palette in Exports</source>
        <translation>&amp;Dunkle Farben in Exporten</translation>
    </message>
    <message>
        <source>Exported pictures are light unless this is on, whatever the window's theme</source>
        <translation>Exportierte Bilder sind hell, sofern dies nicht eingeschaltet ist – unabhängig vom Design des Fensters</translation>
    </message>
</context>
<context>
    <name>tracedelta::LegendBar</name>
    <message>
        <source>slower</source>
        <translation>langsamer</translation>
    </message>
    <message>
        <source>faster</source>
        <translation>schneller</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugekommen</translation>
    </message>
    <message>
        <source>removed (baseline only)</source>
        <translation>entfallen (nur in Referenz)</translation>
    </message>
    <message>
        <source>call count changed</source>
        <translation>Aufrufzahl geändert</translation>
    </message>
    <message>
        <source>disproportionate self time</source>
        <translation>unverhältnismäßige Eigenzeit</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <source>counterpart of hovered span</source>
        <translation>Gegenstück des Spans unter der Maus</translation>
    </message>
    <message>
        <source>concurrency changed</source>
        <translation>Nebenläufigkeit geändert</translation>
    </message>
    <message>
        <source>baselines: min–max, p10–p90, median</source>
        <translation>Referenzen: Min–Max, p10–p90, Median</translation>
    </message>
    <message>
        <source>failed (error status or exception)</source>
        <translation>fehlgeschlagen (Fehlerstatus oder Ausnahme)</translation>
    </message>
</context>
<context>
    <name>tracedelta::LoadLimitsDialog</name>
    <message>
        <source>Load Limits</source>
        <translation>Ladegrenzen</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source> million</source>
        <translation> Millionen</translation>
    </message>
    <message>
        <source>Trace files are checked against these limits while they load, so a huge or hostile file is refused with a message instead of exhausting memory.</source>
        <translation>Tracedateien werden beim Laden gegen diese Grenzen geprüft, damit eine riesige oder bösartige Datei mit einer Meldung abgelehnt wird, statt den Speicher zu erschöpfen.</translation>
    </message>
    <message>
        <source>Largest file (after decompression):</source>
        <translation>Größte Datei (nach dem Entpacken):</translation>
    </message>
    <message>
        <source>Most spans in one file:</source>
        <translation>Höchstens Spans in einer Datei:</translation>
    </message>
</context>
<context>
    <name>tracedelta::MainWindow</name>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen …</translation>
    </message>
    <message>
        <source>%1 changed on disk; reload it from the Traces panel (F5).</source>
        <translation>%1 wurde auf der Festplatte geändert; im Bereich „Traces“ neu laden (F5).</translation>
    </message>
    <message>
        <source>Traces</source>
        <translation>Traces</translation>
    </message>
    <message>
        <source>Root causes</source>
        <translation>Ursachen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Open trace files with File → Open or drop them here.</source>
        <translation>Tracedateien mit Datei → Öffnen laden oder hier ablegen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Annotate &amp;Top Findings…</source>
        <translation>&amp;Wichtigste Befunde kommentieren …</translation>
    </message>
    <message>
        <source>Right-click a span to add a note; Shift+drag to note a time range</source>
        <translation>Rechtsklick auf einen Span fügt eine Notiz hinzu; Umschalt+Ziehen notiert einen Zeitraum</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Timelines</source>
        <translation>&amp;Zeitleisten</translation>
    </message>
    <message>
        <source>&amp;Flame Graphs</source>
        <translation>&amp;Flammendiagramme</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
    <message>
        <source>Put the panes next to each other instead of one above the other</source>
        <translation>Bereiche nebeneinander statt übereinander anordnen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Relative to trace start</source>
        <translation>Relativ zum Trace-Anfang</translation>
    </message>
    <message>
        <source>Absolute wall clock</source>
        <translation>Absolute Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About TraceDelta</source>
        <translation>&amp;Über TraceDelta</translation>
    </message>
    <message>
        <source>Nothing was lost: the traces and notes are still open; try another location.</source>
        <translation>Nichts ging verloren: Traces und Notizen sind noch geöffnet; versuchen Sie einen anderen Ort.</translation>
    </message>
    <message>
        <source>Annotate Top Findings</source>
        <translation>Wichtigste Befunde kommentieren</translation>
    </message>
    <message>
        <source>There are no root-cause candidates to annotate.</source>
        <translation>Es gibt keine Ursachenkandidaten zum Kommentieren.</translation>
    </message>
    <message>
        <source>How many findings:</source>
        <translation>Wie viele Befunde:</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsmappe lässt sich nicht öffnen</translation>
    </message>
    <message numerus="yes">
        <source>Loading cancelled; %n trace(s) loaded.</source>
        <translation><numerusform>Laden abgebrochen; %n Trace geladen.</numerusform><numerusform>Laden abgebrochen; %n Traces geladen.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) loaded.</source>
        <translation><numerusform>%n Trace geladen.</numerusform><numerusform>%n Traces geladen.</numerusform></translation>
    </message>
    <message>
        <source>Some files could not be loaded</source>
        <translation>Einige Dateien konnten nicht geladen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be loaded. The other traces stay open.</source>
        <translation><numerusform>%n Datei konnte nicht geladen werden. Die anderen Traces bleiben geöffnet.</numerusform><numerusform>%n Dateien konnten nicht geladen werden. Die anderen Traces bleiben geöffnet.</numerusform></translation>
    </message>
    <message>
        <source>Load two or more traces to compare them.</source>
        <translation>Laden Sie zwei oder mehr Traces, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Vergleiche …</translation>
    </message>
    <message>
        <source>Comparison cancelled. Change the target or the baselines to compare again.</source>
        <translation>Vergleich abgebrochen. Ändern Sie Ziel oder Referenzen, um erneut zu vergleichen.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) loaded, %1 compared.</source>
        <translation><numerusform>%n Trace geladen, %1 verglichen.</numerusform><numerusform>%n Traces geladen, %1 verglichen.</numerusform></translation>
    </message>
    <message>
        <source>Open Trace Files</source>
        <translation>Tracedateien öffnen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>S&amp;prache</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>TraceDelta will use the new language the next time it starts.</source>
        <translation>TraceDelta verwendet die neue Sprache beim nächsten Start.</translation>
    </message>
    <message>
        <source>Load &amp;Limits…</source>
        <translation>&amp;Ladegrenzen…</translation>
    </message>
    <message>
        <source>The target always takes part in the comparison: make another trace the target first (select it and press T).</source>
        <translation>Das Ziel nimmt immer am Vergleich teil: machen Sie zuerst einen anderen Trace zum Ziel (auswählen und T drücken).</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source> · trace %1</source>
        <translation> · Trace %1</translation>
    </message>
    <message>
        <source>Close the Target</source>
        <translation>Ziel schließen</translation>
    </message>
    <message>
        <source>%1 is the target. Close it? The last of the other traces becomes the target.</source>
        <translation>%1 ist das Ziel. Schließen? Der letzte der anderen Traces wird zum Ziel.</translation>
    </message>
    <message>
        <source>%1 is now the target.</source>
        <translation>%1 ist jetzt das Ziel.</translation>
    </message>
    <message>
        <source>&amp;Packed Tracks for Profiles</source>
        <translation>&amp;Gepackte Spuren für Profile</translation>
    </message>
    <message>
        <source>Show Chrome/Perfetto profiles as one track per thread or stream, slices packed by depth</source>
        <translation>Chrome-/Perfetto-Profile als eine Spur je Thread oder Stream zeigen, Slices nach Tiefe gepackt</translation>
    </message>
    <message>
        <source>&amp;Overlay Baselines</source>
        <translation>Referenzen ü&amp;berlagern</translation>
    </message>
    <message>
        <source>One timeline of the target; under each bar, the baselines' spread (whisker min–max, box p10–p90, tick median)</source>
        <translation>Eine Zeitleiste des Ziels; unter jedem Balken die Streuung der Referenzen (Whisker Min–Max, Box p10–p90, Strich Median)</translation>
    </message>
    <message>
        <source>Aligned at a span</source>
        <translation>An einem Span ausgerichtet</translation>
    </message>
    <message>
        <source>How the panes' time axes line up. Double-click a span (or right-click → Align All Traces at This Span) to line up its counterparts</source>
        <translation>Wie die Zeitachsen der Bereiche ausgerichtet sind. Doppelklick auf einen Span (oder Rechtsklick → Alle Traces an diesem Span ausrichten) richtet seine Gegenstücke aneinander aus</translation>
    </message>
    <message>
        <source>Aligned at “%1”</source>
        <translation>An „%1“ ausgerichtet</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>Vergleiche</translation>
    </message>
    <message>
        <source>Receive &amp;Live Traces…</source>
        <translation>&amp;Live-Traces empfangen…</translation>
    </message>
    <message>
        <source>Receive traces over OTLP/HTTP from your application and compare them as they arrive</source>
        <translation>Traces Ihrer Anwendung über OTLP/HTTP empfangen und beim Eintreffen vergleichen</translation>
    </message>
    <message>
        <source>Received %1; press T in the Traces panel to make it the target.</source>
        <translation>%1 empfangen; T in der Traces-Liste macht ihn zum Ziel.</translation>
    </message>
    <message>
        <source>Save &amp;Trace As…</source>
        <translation>&amp;Trace speichern unter…</translation>
    </message>
    <message>
        <source>Save the trace chosen in the Traces panel (or the target) to a file, e.g. one fetched from a server</source>
        <translation>Den in der Traces-Liste gewählten Trace (oder das Ziel) in eine Datei speichern, z. B. einen von einem Server geholten</translation>
    </message>
    <message>
        <source>Open from &amp;Server…</source>
        <translation>Vom &amp;Server öffnen…</translation>
    </message>
    <message>
        <source>Fetch traces by id from Jaeger, Tempo or Zipkin, with baselines found around the median</source>
        <translation>Traces nach ID von Jaeger, Tempo oder Zipkin holen, mit Referenzen rund um den Median</translation>
    </message>
    <message>
        <source>Save Trace As</source>
        <translation>Trace speichern unter</translation>
    </message>
    <message>
        <source>Trace files (*.json *.json.gz *.binpb *.pb);;All files (*)</source>
        <translation>Tracedateien (*.json *.json.gz *.binpb *.pb);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1 as %2.</source>
        <translation>%1 als %2 gespeichert.</translation>
    </message>
    <message>
        <source>Loading %1… %2 spans read</source>
        <translation>Lade %1… %2 Spans gelesen</translation>
    </message>
    <message>
        <source>Make %1 the target</source>
        <translation>%1 zum Ziel machen</translation>
    </message>
    <message numerus="yes">
        <source>%n baseline(s) overlaid on the target (more than %1 stacked would not fit; Ctrl+B stacks them).</source>
        <translation><numerusform>%n Referenz über das Ziel gelegt (mehr als %1 untereinander passen nicht; Strg+B stapelt sie).</numerusform><numerusform>%n Referenzen über das Ziel gelegt (mehr als %1 untereinander passen nicht; Strg+B stapelt sie).</numerusform></translation>
    </message>
    <message>
        <source>TraceDelta[*]</source>
        <translation>TraceDelta[*]</translation>
    </message>
    <message>
        <source>%1 vs %2 baselines[*] — TraceDelta</source>
        <translation>%1 gegen %2 Referenzen[*] — TraceDelta</translation>
    </message>
    <message>
        <source>%1 vs 1 baseline[*] — TraceDelta</source>
        <translation>%1 gegen 1 Referenz[*] — TraceDelta</translation>
    </message>
    <message>
        <source>%1[*] — TraceDelta</source>
        <translation>%1[*] — TraceDelta</translation>
    </message>
    <message>
        <source>Trace files (*.json *.json.gz *.gz *.perfetto-trace *.pftrace *.pb *.pb.gz);;All files (*)</source>
        <translation>Tracedateien (*.json *.json.gz *.gz *.perfetto-trace *.pftrace *.pb *.pb.gz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tracedelta::NoteDialog</name>
    <message>
        <source>Enter saves, Shift+Enter starts a new line.</source>
        <translation>Eingabe speichert, Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
</context>
<context>
    <name>tracedelta::NoticeBar</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Close this notice</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>tracedelta::OccurrenceActions</name>
    <message>
        <source>Occurrences</source>
        <translation>Vorkommen</translation>
    </message>
    <message>
        <source>Compare with the Other %1 %2</source>
        <translation>Mit den anderen %1 %2 vergleichen</translation>
    </message>
</context>
<context>
    <name>tracedelta::OccurrencesPanel</name>
    <message>
        <source>Back to the Whole Trace</source>
        <translation>Zurück zum ganzen Trace</translation>
    </message>
    <message>
        <source>Repeated span</source>
        <translation>Wiederholter Span</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>Spans that repeat in a trace (frames, steps, tasks) are listed here once a trace is loaded.</source>
        <translation>Spans, die sich in einem Trace wiederholen (Frames, Schritte, Aufgaben), stehen hier, sobald ein Trace geladen ist.</translation>
    </message>
    <message>
        <source>No span repeats 10 times or more on one lane of the target.</source>
        <translation>Kein Span wiederholt sich 10-mal oder öfter auf einer Spur des Ziels.</translation>
    </message>
    <message>
        <source>Repeated spans of the target, the slowest beyond its median first. Double-click one to compare its slowest occurrence with the others, or right-click a span → Compare with the other….</source>
        <translation>Wiederholte Spans des Ziels, der am weitesten über seinem Median liegende zuerst. Doppelklick vergleicht sein langsamstes Vorkommen mit den anderen; oder Rechtsklick auf einen Span → Mit den anderen vergleichen….</translation>
    </message>
    <message>
        <source>Click a dot to make it the target.</source>
        <translation>Ein Klick auf einen Punkt macht ihn zum Ziel.</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>duration (log scale)</source>
        <translation>Dauer (logarithmisch)</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>occurrence (in order) · dashed: median %1 · band: ±3 robust σ</source>
        <translation>Vorkommen (der Reihe nach) · gestrichelt: Median %1 · Band: ±3 robuste σ</translation>
    </message>
</context>
<context>
    <name>tracedelta::OtlpReceiver</name>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Kann nicht auf %1:%2 lauschen: %3</translation>
    </message>
    <message>
        <source>%1 span(s) accepted, %2 rejected: %3</source>
        <translation>%1 Span(s) angenommen, %2 abgelehnt: %3</translation>
    </message>
    <message numerus="yes">
        <source>%n span(s) accepted</source>
        <translation><numerusform>%n Span angenommen</numerusform><numerusform>%n Spans angenommen</numerusform></translation>
    </message>
</context>
<context>
    <name>tracedelta::ReceiveDialog</name>
    <message>
        <source>Receive Live Traces</source>
        <translation>Live-Traces empfangen</translation>
    </message>
    <message>
        <source>Address and port of the OTLP/HTTP receiver. 127.0.0.1 accepts traces from this machine only; 0.0.0.0 from the network.</source>
        <translation>Adresse und Port des OTLP/HTTP-Empfängers. 127.0.0.1 nimmt nur Traces von diesem Rechner an, 0.0.0.0 aus dem Netz.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A trace is shown when no span arrived for it for this long</source>
        <translation>Ein Trace wird gezeigt, wenn so lange kein Span für ihn ankam</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Receive Folder</source>
        <translation>Empfangsordner</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>&amp;Lauschen auf:</translation>
    </message>
    <message>
        <source>&amp;Quiet time:</source>
        <translation>&amp;Ruhezeit:</translation>
    </message>
    <message>
        <source>Receive &amp;folder:</source>
        <translation>Empfangs&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Copy Endpoint Setting</source>
        <translation>Endpunkt-Einstellung &amp;kopieren</translation>
    </message>
    <message>
        <source>Received traces and rejected requests:</source>
        <translation>Empfangene Traces und abgelehnte Anfragen:</translation>
    </message>
    <message>
        <source>“%1” is not an address and port such as 127.0.0.1:4318</source>
        <translation>„%1“ ist keine Adresse mit Port wie 127.0.0.1:4318</translation>
    </message>
    <message numerus="yes">
        <source>trace %1 · %n span(s) → %2</source>
        <translation><numerusform>Trace %1 · %n Span → %2</numerusform><numerusform>Trace %1 · %n Spans → %2</numerusform></translation>
    </message>
    <message>
        <source>rejected a request (HTTP %1): %2</source>
        <translation>eine Anfrage abgelehnt (HTTP %1): %2</translation>
    </message>
    <message>
        <source>Listening on %1</source>
        <translation>Empfange auf %1</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Receiving OTLP/HTTP (protobuf or JSON) at &lt;b&gt;%1&lt;/b&gt;. Point your application at it with &lt;code&gt;OTEL_EXPORTER_OTLP_ENDPOINT=%2&lt;/code&gt;; each trace appears in the Traces panel when it has been quiet for %3 s.</source>
        <translation>Empfange OTLP/HTTP (Protobuf oder JSON) auf &lt;b&gt;%1&lt;/b&gt;. Richten Sie Ihre Anwendung mit &lt;code&gt;OTEL_EXPORTER_OTLP_ENDPOINT=%2&lt;/code&gt; darauf; jeder Trace erscheint in der Traces-Liste, sobald er %3 s lang ruhig war.</translation>
    </message>
    <message>
        <source>Not receiving.</source>
        <translation>Empfang aus.</translation>
    </message>
</context>
<context>
    <name>tracedelta::ReceivedTraces</name>
    <message>
        <source>Cannot create the receive folder %1</source>
        <translation>Der Empfangsordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>tracedelta::RootCausePanel</name>
    <message>
        <source>Load two or more traces to compare them.</source>
        <translation>Laden Sie zwei oder mehr Traces, um sie zu vergleichen.</translation>
    </message>
    <message>
        <source>No span explains the difference beyond the thresholds.</source>
        <translation>Kein Span erklärt den Unterschied über die Schwellenwerte hinaus.</translation>
    </message>
    <message>
        <source>No span stands out: none spends a large share of the trace's time on its own.</source>
        <translation>Kein Span fällt auf: keiner verbringt einen großen Teil der Zeit des Traces allein.</translation>
    </message>
</context>
<context>
    <name>tracedelta::SearchBar</name>
    <message>
        <source>Search name, service, id or attribute…</source>
        <translation>Name, Dienst, ID oder Attribut suchen …</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <source>no matches</source>
        <translation>keine Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>tracedelta::ServerDialog</name>
    <message>
        <source>Open from Server</source>
        <translation>Vom Server öffnen</translation>
    </message>
    <message>
        <source>e.g. http://localhost:16686 (Jaeger), http://tempo:3200, http://zipkin:9411</source>
        <translation>z. B. http://localhost:16686 (Jaeger), http://tempo:3200, http://zipkin:9411</translation>
    </message>
    <message>
        <source>Jaeger</source>
        <translation>Jaeger</translation>
    </message>
    <message>
        <source>Jaeger (API v3, OTLP)</source>
        <translation>Jaeger (API v3, OTLP)</translation>
    </message>
    <message>
        <source>Grafana Tempo</source>
        <translation>Grafana Tempo</translation>
    </message>
    <message>
        <source>Grafana Tempo (API v2)</source>
        <translation>Grafana Tempo (API v2)</translation>
    </message>
    <message>
        <source>Zipkin</source>
        <translation>Zipkin</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>User and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Keep in the keyring</source>
        <translation>Im Schlüsselbund behalten</translation>
    </message>
    <message>
        <source>Tokens and passwords are kept in the desktop keyring, never in settings or workspace files</source>
        <translation>Tokens und Passwörter liegen im Schlüsselbund des Desktops, nie in Einstellungen oder Arbeitsbereichsdateien</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Anmeldung:</translation>
    </message>
    <message>
        <source>Name: value; … e.g. X-Scope-OrgID: team-a</source>
        <translation>Name: Wert; … z. B. X-Scope-OrgID: team-a</translation>
    </message>
    <message>
        <source>Extra &amp;headers:</source>
        <translation>Zusätzliche &amp;Header:</translation>
    </message>
    <message>
        <source>only for a server with a private certificate authority</source>
        <translation>nur für einen Server mit eigener Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <source>&amp;Trace ids or links, one per line — the first is the target (the slow one):</source>
        <translation>&amp;Trace-IDs oder Links, eine pro Zeile – die erste ist das Ziel (der langsame):</translation>
    </message>
    <message>
        <source>4bf92f3577b34da6a3ce929d0e0e4736
http://jaeger:16686/trace/…, a Grafana explore link or a log line</source>
        <translation>4bf92f3577b34da6a3ce929d0e0e4736
http://jaeger:16686/trace/…, ein Grafana-Explore-Link oder eine Logzeile</translation>
    </message>
    <message>
        <source>Find &amp;baselines:</source>
        <translation>&amp;Referenzen finden:</translation>
    </message>
    <message>
        <source>Search the target's root operation before it, drop errors and outliers, and take the traces closest to the median duration</source>
        <translation>Die Wurzeloperation des Ziels vor ihm suchen, Fehler und Ausreißer verwerfen und die Traces nehmen, die dem Median der Dauer am nächsten liegen</translation>
    </message>
    <message>
        <source> traces</source>
        <translation> Traces</translation>
    </message>
    <message>
        <source>How far before the target to search, e.g. 30m, 1h, 1d</source>
        <translation>Wie weit vor dem Ziel gesucht wird, z. B. 30m, 1h, 1d</translation>
    </message>
    <message>
        <source>in the</source>
        <translation>in den</translation>
    </message>
    <message>
        <source>before the target</source>
        <translation>vor dem Ziel</translation>
    </message>
    <message>
        <source>the target's root service</source>
        <translation>der Wurzeldienst des Ziels</translation>
    </message>
    <message>
        <source>the target's root operation</source>
        <translation>die Wurzeloperation des Ziels</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>List the server's services</source>
        <translation>Die Dienste des Servers auflisten</translation>
    </message>
    <message>
        <source>&amp;Find Baselines</source>
        <translation>Referenzen &amp;finden</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Dienst:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operation:</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Root</source>
        <translation>Wurzel</translation>
    </message>
    <message>
        <source>Checked traces are opened as baselines</source>
        <translation>Angehakte Traces werden als Referenzen geöffnet</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) on the server.</source>
        <translation><numerusform>%n Dienst auf dem Server.</numerusform><numerusform>%n Dienste auf dem Server.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) of %1.</source>
        <translation><numerusform>%n Operation von %1.</numerusform><numerusform>%n Operationen von %1.</numerusform></translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The keyring could not give the saved secret (%1); type it again.</source>
        <translation>Der Schlüsselbund konnte das gespeicherte Geheimnis nicht liefern (%1); bitte erneut eingeben.</translation>
    </message>
    <message>
        <source>Give the server's URL, e.g. http://localhost:16686.</source>
        <translation>Geben Sie die URL des Servers an, z. B. http://localhost:16686.</translation>
    </message>
    <message>
        <source>No trace id in “%1”.</source>
        <translation>Keine Trace-ID in „%1“.</translation>
    </message>
    <message>
        <source>Paste at least one trace id or link.</source>
        <translation>Fügen Sie mindestens eine Trace-ID oder einen Link ein.</translation>
    </message>
    <message>
        <source>The keyring is not available (%1): the secret is used for this session only.</source>
        <translation>Der Schlüsselbund ist nicht verfügbar (%1): das Geheimnis gilt nur für diese Sitzung.</translation>
    </message>
    <message>
        <source>The window “%1” is not a duration such as 30m, 1h or 1d.</source>
        <translation>Das Zeitfenster „%1“ ist keine Dauer wie 30m, 1h oder 1d.</translation>
    </message>
    <message>
        <source>Fetching the target %1 and searching for baselines…</source>
        <translation>Hole das Ziel %1 und suche Referenzen…</translation>
    </message>
    <message>
        <source> · error</source>
        <translation> · Fehler</translation>
    </message>
    <message>
        <source>%1 of %2 traces of %3 “%4” checked: no errors, no outliers, %5 – %6 around the median. Check or uncheck to change, then Open.</source>
        <translation>%1 von %2 Traces von %3 „%4“ angehakt: keine Fehler, keine Ausreißer, %5 – %6 rund um den Median. Zum Ändern an- oder abhaken, dann Öffnen.</translation>
    </message>
    <message>
        <source>Give a second trace id, or find baselines, to compare against.</source>
        <translation>Geben Sie eine zweite Trace-ID an oder finden Sie Referenzen zum Vergleich.</translation>
    </message>
    <message numerus="yes">
        <source>Fetching %n trace(s)…</source>
        <translation><numerusform>Hole %n Trace…</numerusform><numerusform>Hole %n Traces…</numerusform></translation>
    </message>
    <message>
        <source>Fetching %1 (%2 of %3)…</source>
        <translation>Hole %1 (%2 von %3)…</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n trace(s).</source>
        <translation><numerusform>%n Trace geöffnet.</numerusform><numerusform>%n Traces geöffnet.</numerusform></translation>
    </message>
    <message>
        <source>Opened %1 of %2 traces. Not opened:
%3</source>
        <translation>%1 von %2 Traces geöffnet. Nicht geöffnet:
%3</translation>
    </message>
    <message>
        <source>Asking the server for its services…</source>
        <translation>Frage den Server nach seinen Diensten…</translation>
    </message>
    <message>
        <source>Asking the server for the operations of %1…</source>
        <translation>Frage den Server nach den Operationen von %1…</translation>
    </message>
</context>
<context>
    <name>tracedelta::StatisticsModel</name>
    <message>
        <source>min %1 · median %2 · p90 %3 · max %4</source>
        <translation>Min. %1 · Median %2 · p90 %3 · Max. %4</translation>
    </message>
    <message>
        <source>Lane</source>
        <translation>Spur</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 gesamt</translation>
    </message>
    <message>
        <source>%1 self</source>
        <translation>%1 eigen</translation>
    </message>
    <message>
        <source>Δ total</source>
        <translation>Δ gesamt</translation>
    </message>
    <message>
        <source>Δ %</source>
        <translation>Δ %</translation>
    </message>
    <message>
        <source>Δ self</source>
        <translation>Δ eigen</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
</context>
<context>
    <name>tracedelta::StatisticsPanel</name>
    <message>
        <source>Filter operations…</source>
        <translation>Operationen filtern…</translation>
    </message>
    <message>
        <source>By operation</source>
        <translation>Nach Operation</translation>
    </message>
    <message>
        <source>By path</source>
        <translation>Nach Pfad</translation>
    </message>
    <message>
        <source>By lane</source>
        <translation>Nach Spur</translation>
    </message>
    <message>
        <source>One row per operation wherever it is called, per path from the root, or per thread, stream or service</source>
        <translation>Eine Zeile je Operation, wo immer sie aufgerufen wird, je Pfad von der Wurzel oder je Thread, Stream oder Dienst</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>Als TSV kopieren</translation>
    </message>
    <message>
        <source>Copy the visible rows, tab-separated, for a spreadsheet</source>
        <translation>Die sichtbaren Zeilen tabulatorgetrennt für eine Tabellenkalkulation kopieren</translation>
    </message>
</context>
<context>
    <name>tracedelta::TraceCanvas</name>
    <message>
        <source>Edit Note</source>
        <translation>Notiz bearbeiten</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on %1:</source>
        <translation>Notiz zu %1:</translation>
    </message>
    <message>
        <source>Add Range Note</source>
        <translation>Zeitraum-Notiz hinzufügen</translation>
    </message>
    <message>
        <source>Note on %1 from +%2:</source>
        <translation>Notiz zu %1 ab +%2:</translation>
    </message>
    <message>
        <source>&amp;Edit Note…</source>
        <translation>Notiz &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Delete Note</source>
        <translation>Notiz &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Add Note…</source>
        <translation>Notiz &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Zoom to Span</source>
        <translation>Auf Span &amp;zoomen</translation>
    </message>
    <message>
        <source>Shift+drag to note a time range</source>
        <translation>Umschalt+Ziehen notiert einen Zeitraum</translation>
    </message>
    <message>
        <source>total %1 · self %2 · starts at +%3</source>
        <translation>gesamt %1 · eigen %2 · beginnt bei +%3</translation>
    </message>
    <message>
        <source>%1 vs baseline median %2</source>
        <translation>%1, Median der Referenzen %2</translation>
    </message>
    <message>
        <source>Root-cause candidate #%1</source>
        <translation>Ursachenkandidat #%1</translation>
    </message>
    <message>
        <source>A&amp;lign All Traces at This Span</source>
        <translation>Alle Traces an diesem Span aus&amp;richten</translation>
    </message>
</context>
<context>
    <name>tracedelta::TraceServerClient</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 refused the request (HTTP %2): check the token, user and password, or the tenant header</source>
        <translation>%1 hat die Anfrage abgelehnt (HTTP %2): prüfen Sie Token, Benutzer und Passwort oder den Mandanten-Header</translation>
    </message>
    <message>
        <source>trace %1 not found on %2</source>
        <translation>Trace %1 nicht gefunden auf %2</translation>
    </message>
    <message>
        <source>%1 is busy or failing (HTTP %2); try again later</source>
        <translation>%1 ist überlastet oder gestört (HTTP %2); versuchen Sie es später erneut</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2</source>
        <translation>%1 antwortete mit HTTP %2</translation>
    </message>
    <message>
        <source>%1 answered with a web page, not a trace: is the URL the API's (e.g. http://host:16686 for Jaeger, http://host:3200 for Tempo, http://host:9411 for Zipkin)?</source>
        <translation>%1 antwortete mit einer Webseite, nicht mit einem Trace: ist die URL die der API (z. B. http://host:16686 für Jaeger, http://host:3200 für Tempo, http://host:9411 für Zipkin)?</translation>
    </message>
    <message>
        <source>%1 answered with something that is not JSON</source>
        <translation>%1 antwortete mit etwas, das kein JSON ist</translation>
    </message>
    <message>
        <source>%1: cannot read the CA file: %2</source>
        <translation>%1: die CA-Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: no PEM certificate in the CA file</source>
        <translation>%1: kein PEM-Zertifikat in der CA-Datei</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: the TLS connection failed (%2); if the server uses a private certificate authority, give its certificate as the CA file</source>
        <translation>%1: die TLS-Verbindung ist gescheitert (%2); nutzt der Server eine eigene Zertifizierungsstelle, geben Sie deren Zertifikat als CA-Datei an</translation>
    </message>
    <message>
        <source>%1: host not found (DNS)</source>
        <translation>%1: Host nicht gefunden (DNS)</translation>
    </message>
    <message>
        <source>%1: connection refused: is the server running, and is the port right?</source>
        <translation>%1: Verbindung abgelehnt: läuft der Server, und stimmt der Port?</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s</source>
        <translation>%1: keine Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1 has no such API (HTTP 404): is the server kind right?</source>
        <translation>%1 hat diese API nicht (HTTP 404): stimmt die Serverart?</translation>
    </message>
    <message>
        <source>%1: trace %2: %3</source>
        <translation>%1: Trace %2: %3</translation>
    </message>
    <message>
        <source>%1: search: %2</source>
        <translation>%1: Suche: %2</translation>
    </message>
    <message>
        <source>%1: services: %2</source>
        <translation>%1: Dienste: %2</translation>
    </message>
    <message>
        <source>%1: operations of %2: %3</source>
        <translation>%1: Operationen von %2: %3</translation>
    </message>
</context>
<context>
    <name>tracedelta::TraceSession</name>
    <message>
        <source>%1 is the target: the slowest of the %2 traces opened. Choose another in the Traces panel.</source>
        <translation>%1 ist das Ziel: der langsamste der %2 geöffneten Traces. Ein anderes wählen Sie in der Trace-Liste.</translation>
    </message>
    <message>
        <source>%1 was just received and is now the target (the newest received trace is the target until you choose one); %2 is a baseline.</source>
        <translation>%1 wurde gerade empfangen und ist nun das Ziel (der neueste empfangene Trace ist das Ziel, bis Sie eines wählen); %2 ist eine Referenz.</translation>
    </message>
    <message numerus="yes">
        <source>%n trace(s) added as baseline(s); the target is still %1.</source>
        <translation><numerusform>%n Trace als Referenz hinzugefügt; das Ziel ist weiterhin %1.</numerusform><numerusform>%n Traces als Referenzen hinzugefügt; das Ziel ist weiterhin %1.</numerusform></translation>
    </message>
    <message>
        <source>the trace is not open</source>
        <translation>der Trace ist nicht geöffnet</translation>
    </message>
</context>
<context>
    <name>tracedelta::TracesPanel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Role · format</source>
        <translation>Rolle · Format</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Use as &amp;Target</source>
        <translation>Als &amp;Ziel verwenden</translation>
    </message>
    <message>
        <source>&amp;Reload File</source>
        <translation>Datei &amp;neu laden</translation>
    </message>
    <message>
        <source>&amp;Close Trace</source>
        <translation>Trace &amp;schließen</translation>
    </message>
    <message>
        <source>%1
Checked traces take part in the comparison.</source>
        <translation>%1
Angehakte Traces nehmen am Vergleich teil.</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>nicht verglichen</translation>
    </message>
    <message>
        <source>changed on disk — Reload File (F5)</source>
        <translation>auf der Festplatte geändert — Datei neu laden (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation><numerusform>%n Hinweis</numerusform><numerusform>%n Hinweise</numerusform></translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>&amp;Save Trace As…</source>
        <translation>Trace &amp;speichern unter…</translation>
    </message>
    <message>
        <source>baseline, outlier</source>
        <translation>Referenz, Ausreißer</translation>
    </message>
    <message>
        <source>Far outside the other baselines' spread: a slow run to use as the target, or one to leave out (see the notes under the root causes).</source>
        <translation>Weit außerhalb der Streuung der anderen Referenzen: ein langsamer Lauf, den Sie als Ziel nehmen, oder einer, den Sie weglassen können (siehe die Hinweise unter den Ursachen).</translation>
    </message>
</context>
<context>
    <name>tracedelta::WorkspaceActions</name>
    <message>
        <source>Open &amp;Workspace…</source>
        <translation>&amp;Arbeitsmappe öffnen …</translation>
    </message>
    <message>
        <source>&amp;Save Workspace…</source>
        <translation>Arbeitsmappe &amp;speichern …</translation>
    </message>
    <message>
        <source>Save Workspace</source>
        <translation>Arbeitsmappe speichern</translation>
    </message>
    <message>
        <source>TraceDelta workspace (*.tdelta)</source>
        <translation>TraceDelta-Arbeitsmappe (*.tdelta)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsmappe öffnen</translation>
    </message>
    <message>
        <source>TraceDelta workspace (*.tdelta);;All files (*)</source>
        <translation>TraceDelta-Arbeitsmappe (*.tdelta);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsmappe lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>Automatisches Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Unsaved Notes</source>
        <translation>Ungespeicherte Notizen</translation>
    </message>
    <message>
        <source>Save your notes in a workspace before closing?</source>
        <translation>Notizen vor dem Schließen in einer Arbeitsmappe speichern?</translation>
    </message>
    <message>
        <source>Cannot restore notes</source>
        <translation>Notizen können nicht wiederhergestellt werden</translation>
    </message>
    <message>
        <source>The notes autosaved by an earlier session cannot be read: %1</source>
        <translation>Die automatisch gesicherten Notizen einer früheren Sitzung können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The notes autosaved by an earlier session cannot be read: %1
The file was kept as %2.</source>
        <translation>Die automatisch gesicherten Notizen einer früheren Sitzung können nicht gelesen werden: %1
Die Datei wurde als %2 aufbewahrt.</translation>
    </message>
    <message>
        <source>Restore Notes</source>
        <translation>Notizen wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>TraceDelta did not close normally last time. Restore the traces and unsaved notes of that session (%n note(s))?</source>
        <translation><numerusform>TraceDelta wurde beim letzten Mal nicht normal beendet. Die Traces und ungesicherten Notizen dieser Sitzung wiederherstellen (%n Notiz)?</numerusform><numerusform>TraceDelta wurde beim letzten Mal nicht normal beendet. Die Traces und ungesicherten Notizen dieser Sitzung wiederherstellen (%n Notizen)?</numerusform></translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>Wiederherstellen nicht möglich</translation>
    </message>
    <message numerus="yes">
        <source>Fetching %n trace(s) of the workspace from %1…</source>
        <translation><numerusform>Hole %n Trace des Arbeitsbereichs von %1…</numerusform><numerusform>Hole %n Traces des Arbeitsbereichs von %1…</numerusform></translation>
    </message>
    <message>
        <source>Some server traces could not be fetched again:
%1</source>
        <translation>Einige Server-Traces konnten nicht erneut geholt werden:
%1</translation>
    </message>
    <message>
        <source>its trace %1 is not open</source>
        <translation>sein Trace %1 ist nicht geöffnet</translation>
    </message>
    <message>
        <source>The workspace's comparison of %1 occurrences was not restored: %2. The traces are compared as a whole; every trace and note of the workspace is open.</source>
        <translation>Der Vergleich der Vorkommen von %1 aus dem Arbeitsbereich wurde nicht wiederhergestellt: %2. Die Traces werden als Ganzes verglichen; alle Traces und Notizen des Arbeitsbereichs sind geöffnet.</translation>
    </message>
</context>
</TS>