package io.github.lambdasandbox.internal.services.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.lambdasandbox.internal.services.filters.S3NotificationFilter.FilterRule;

@DisplayName("S3 notification configurations: event types and key filters")
class S3NotificationFilterTests {

	private static final String OVERLAP = "Configurations overlap. Configurations on the same bucket cannot share a"
			+ " common event type.";

	/** "s3:ObjectCreated:Put,s3:ObjectRemoved:* prefix=images/ suffix=.jpg" */
	private static S3NotificationFilter config(String text) {
		String[] parts = text.trim().split(" +");
		List<String> events = Arrays.asList(parts[0].split(","));
		String prefix = null;
		String suffix = null;
		for (int i = 1; i < parts.length; i++) {
			if (parts[i].startsWith("prefix=")) {
				prefix = parts[i].substring("prefix=".length());
			}
			else {
				suffix = parts[i].substring("suffix=".length());
			}
		}
		return S3NotificationFilter.of(events, prefix, suffix);
	}

	private static InvalidNotificationConfigurationException rejection(List<String> events, List<FilterRule> rules) {
		InvalidNotificationConfigurationException exception = catchThrowableOfType(
				InvalidNotificationConfigurationException.class, () -> S3NotificationFilter.of(events, rules));
		assertThat(exception).isNotNull();
		return exception;
	}

	@ParameterizedTest(name = "{0} gets {1} {2}: {3}")
	@DisplayName("An event reaches a configuration that names its type, or its type's :*, and whose filters fit the key")
	@CsvSource(delimiter = '|', textBlock = """
			s3:ObjectCreated:*                                      | ObjectCreated:Put                      | a.jpg            | true
			s3:ObjectCreated:*                                      | ObjectCreated:CompleteMultipartUpload  | a.jpg            | true
			s3:ObjectCreated:*                                      | ObjectRemoved:Delete                   | a.jpg            | false
			s3:ObjectCreated:Put                                    | ObjectCreated:Post                     | a.jpg            | false
			s3:ObjectCreated:Put                                    | s3:ObjectCreated:Put                   | a.jpg            | true
			s3:ObjectCreated:Copy,s3:ObjectRemoved:*                | ObjectRemoved:DeleteMarkerCreated      | a.jpg            | true
			s3:ObjectRemoved:Delete                                 | ObjectRemoved:DeleteMarkerCreated      | a.jpg            | false
			s3:ObjectCreated:* prefix=images/                       | ObjectCreated:Put                      | images/a.jpg     | true
			s3:ObjectCreated:* prefix=images/                       | ObjectCreated:Put                      | Images/a.jpg     | false
			s3:ObjectCreated:* prefix=images/                       | ObjectCreated:Put                      | a/images/a.jpg   | false
			s3:ObjectCreated:* suffix=.jpg                          | ObjectCreated:Put                      | a.JPG            | false
			s3:ObjectCreated:* prefix=testupload/ suffix=testfile.txt | ObjectCreated:Put                    | testupload/dir1/testfile.txt | true
			s3:ObjectCreated:* prefix=testupload/ suffix=testfile.txt | ObjectCreated:Put                    | /testdata        | false
			s3:ObjectCreated:* prefix=my+folder/                    | ObjectCreated:Put                      | my+folder/a+b.txt | true
			s3:ObjectCreated:* prefix=ab suffix=bc                  | ObjectCreated:Put                      | abc              | true
			s3:ObjectCreated:* prefix=                              | ObjectCreated:Put                      | anything         | true
			s3:ObjectTagging:*                                      | ObjectTagging:Delete                   | a                | true
			s3:LifecycleExpiration:*                                | LifecycleExpiration:DeleteMarkerCreated | a               | true
			s3:ObjectRestore:*                                      | ObjectRemoved:Delete                   | a                | false
			""")
	void matches(String configuration, String eventName, String key, boolean expected) {
		assertThat(config(configuration).matches(eventName, key)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} and {1}: overlap {2}")
	@DisplayName("Two configurations overlap iff event types intersect, prefixes overlap and suffixes overlap")
	@CsvSource(delimiter = '|', textBlock = """
			s3:ObjectCreated:Put prefix=images/              | s3:ObjectCreated:Put prefix=logs/               | false
			s3:ObjectCreated:Put suffix=.jpg                 | s3:ObjectCreated:Put suffix=.png                | false
			s3:ObjectCreated:Put prefix=images/              | s3:ObjectRemoved:* prefix=images/               | false
			s3:ObjectCreated:Put prefix=images suffix=.jpg   | s3:ObjectCreated:Put prefix=images suffix=.png  | false
			s3:ObjectCreated:Put prefix=images suffix=jpg    | s3:ObjectCreated:Put suffix=jpg                 | true
			s3:ObjectCreated:*                               | s3:ObjectCreated:Put                            | true
			s3:ObjectCreated:* prefix=images/                | s3:ObjectCreated:Put prefix=images/             | true
			s3:ObjectCreated:Put suffix=jpg                  | s3:ObjectCreated:Put suffix=pg                  | true
			s3:ObjectCreated:Put suffix=.jpg                 | s3:ObjectCreated:Put suffix=.png                | false
			s3:ObjectCreated:Put prefix=images/              | s3:ObjectCreated:Put prefix=images/2024/        | true
			s3:ObjectCreated:Put prefix=images/              | s3:ObjectCreated:Put                            | true
			s3:ObjectCreated:Put prefix=a/ suffix=.jpg       | s3:ObjectCreated:Put prefix=b/ suffix=.jpg      | false
			s3:ObjectCreated:Put                             | s3:ObjectCreated:Post                           | false
			s3:ObjectCreated:Put,s3:ObjectRemoved:Delete     | s3:ObjectRemoved:*                              | true
			s3:ObjectRemoved:*                               | s3:ObjectRestore:*                              | false
			s3:ObjectTagging:*                               | s3:ObjectTagging:*                              | true
			s3:ObjectCreated:* prefix=                       | s3:ObjectCreated:* suffix=                      | true
			""")
	void overlaps(String first, String second, boolean expected) {
		assertThat(config(first).overlaps(config(second))).isEqualTo(expected);
		assertThat(config(second).overlaps(config(first))).isEqualTo(expected);
		assertThat(S3NotificationFilter.overlap(List.of(config(first), config(second))))
				.isEqualTo(expected ? Optional.of(OVERLAP) : Optional.empty());
	}

	@Test
	void validateNamesTheFirstOverlapWithS3sText() {
		List<S3NotificationFilter> configurations = List.of(config("s3:ObjectCreated:Put prefix=logs/"),
				config("s3:ObjectRemoved:* prefix=logs/"), config("s3:ObjectCreated:* suffix=.txt"));
		InvalidNotificationConfigurationException exception = catchThrowableOfType(
				InvalidNotificationConfigurationException.class, () -> S3NotificationFilter.validate(configurations));
		assertThat(exception).hasMessage(OVERLAP);
		assertThat(exception.errorCode()).isEqualTo("InvalidArgument");
		assertThat(exception.hint()).startsWith("configurations 1 ").contains(" and 3 ");
		S3NotificationFilter.validate(configurations.subList(0, 2));
		S3NotificationFilter.validate(List.of());
	}

	@Test
	void filterRuleNamesAreCaseInsensitiveAndComeBackCapitalised() {
		// AWS-SNAP test_filter_rules_case_insensitive
		S3NotificationFilter filter = S3NotificationFilter.of(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule("suffix", ".txt"), new FilterRule("PREFIX", "notif-")));
		assertThat(filter.filterRules()).containsExactly(new FilterRule("Suffix", ".txt"),
				new FilterRule("Prefix", "notif-"));
		assertThat(filter.prefix()).hasValue("notif-");
		assertThat(filter.suffix()).hasValue(".txt");
		assertThat(filter.matches("ObjectCreated:Put", "notif-1.txt")).isTrue();
	}

	@Test
	void anEmptyValueIsKeptAndFiltersNothing() {
		// AWS-SNAP test_filter_rules_empty_value
		S3NotificationFilter filter = S3NotificationFilter.of(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule("suffix", "")));
		assertThat(filter.filterRules()).containsExactly(new FilterRule("Suffix", ""));
		assertThat(filter.matches("ObjectCreated:Put", "x")).isTrue();
	}

	@Test
	void aFilterRuleIsPrefixOrSuffix() {
		// AWS-SNAP test_bucket_notification_with_invalid_filter_rules
		InvalidNotificationConfigurationException exception = rejection(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule("INVALID", "does not matter")));
		assertThat(exception).hasMessage("filter rule name must be either prefix or suffix");
		assertThat(exception.errorCode()).isEqualTo("InvalidArgument");
		assertThat(exception.argumentName()).isEqualTo("FilterRule.Name");
		assertThat(exception.argumentValue()).isEqualTo("INVALID");
	}

	@ParameterizedTest(name = "name={0} value={1}")
	@DisplayName("AWS-SNAP test_bucket_notification_with_missing_values_in_rule: MalformedXML")
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			none   | none
			prefix | none
			none   | test
			""")
	void aFilterRuleNeedsNameAndValue(String name, String value) {
		InvalidNotificationConfigurationException exception = rejection(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule(name, value)));
		assertThat(exception.errorCode()).isEqualTo("MalformedXML");
		assertThat(exception).hasMessage(
				"The XML you provided was not well-formed or did not validate against our published schema");
	}

	@ParameterizedTest(name = "{0} and {1}")
	@CsvSource({ "prefix, Prefix", "suffix, SUFFIX" })
	void oneRuleOfEachKind(String first, String second) {
		InvalidNotificationConfigurationException exception = rejection(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule(first, "a"), new FilterRule(second, "b")));
		assertThat(exception).hasMessage("Cannot specify more than one " + first + " rule in a filter.");
		assertThat(exception.errorCode()).isEqualTo("InvalidArgument");
	}

	@Test
	void aStarIsNotAWildcard() {
		InvalidNotificationConfigurationException exception = rejection(List.of("s3:ObjectCreated:*"),
				List.of(new FilterRule("prefix", "images/*")));
		assertThat(exception).hasMessage("A wildcard character (\"*\") can't be used in filters as a prefix or suffix.");
		assertThat(exception.argumentName()).isEqualTo("FilterRule.Value");
		assertThat(exception.argumentValue()).isEqualTo("images/*");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "s3:ObjectCreated:Get", "ObjectCreated:Put", "s3:objectcreated:put", "s3:*", "s3:TestEvent" })
	void anUnknownEventTypeNamesTheKnownOnes(String event) {
		InvalidNotificationConfigurationException exception = rejection(List.of(event), null);
		assertThat(exception).hasMessage("The event is not supported for notifications");
		assertThat(exception.errorCode()).isEqualTo("InvalidArgument");
		assertThat(exception.hint()).startsWith("\"" + event + "\" is not an S3 notification event type; S3 accepts [")
				.contains("s3:ObjectCreated:*", "s3:ObjectRemoved:DeleteMarkerCreated", "s3:ObjectTagging:Put");
	}

	@Test
	void everyKnownEventTypeIsAccepted() {
		List<String> all = new ArrayList<>(S3NotificationFilter.EVENT_TYPES);
		assertThat(S3NotificationFilter.of(all, null, null).events()).containsExactlyElementsOf(all);
		assertThat(all).hasSize(30).doesNotHaveDuplicates();
	}

	@Test
	void aConfigurationNeedsAnEvent() {
		assertThat(rejection(List.of(), null).errorCode()).isEqualTo("MalformedXML");
		assertThat(rejection(null, null).errorCode()).isEqualTo("MalformedXML");
	}

	@Test
	void repeatedEventTypesCountOnce() {
		assertThat(S3NotificationFilter.of(List.of("s3:ObjectCreated:*", "s3:ObjectCreated:*"), null, null).events())
				.containsExactly("s3:ObjectCreated:*");
	}

	@Test
	void matchesNeedsAnEventNameAndAKey() {
		S3NotificationFilter filter = config("s3:ObjectCreated:*");
		assertThatThrownBy(() -> filter.matches(null, "k")).isInstanceOf(NullPointerException.class);
		assertThatThrownBy(() -> filter.matches("ObjectCreated:Put", null)).isInstanceOf(NullPointerException.class);
		assertThat(filter.matches("Nonsense", "k")).isFalse();
	}
}
