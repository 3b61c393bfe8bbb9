package io.github.lambdasandbox.samples.handlers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * {@code report}: waits for a nightly report the way much real code waits, with the JDK's own clock and sleep.
 * The report is ready at 02:00 UTC; the handler checks {@code Instant.now()}, sleeps 30 seconds between checks, and
 * answers when it is ready (and which day's report it got, by {@code LocalDate.now()}).
 */
public class ReportPollingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

	@Override
	public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
		Instant started = Instant.now();
		Instant ready = LocalDate.now(ZoneOffset.UTC).atTime(2, 0).toInstant(ZoneOffset.UTC);
		int checks = 1;
		while (Instant.now().isBefore(ready)) {
			context.getLogger().log("not ready at " + Instant.now() + ", checking again in 30 s");
			try {
				Thread.sleep(Duration.ofSeconds(30).toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			checks++;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("report", LocalDate.now(ZoneOffset.UTC).toString());
		result.put("checks", checks);
		result.put("waitedSeconds", Duration.between(started, Instant.now()).toSeconds());
		return result;
	}
}
