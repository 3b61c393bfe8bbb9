package io.github.lambdasandbox.internal.services.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.lambdasandbox.internal.services.filters.SnsFilterPolicy.Attribute;
import io.github.lambdasandbox.internal.services.filters.SnsFilterPolicy.Scope;

/**
 * Rows marked AWS-SNAP are what SNS answered [LocalStack tests/aws/services/sns/test_sns_filter_policy.snapshot.json,
 * recorded 2024-05 and 2024-12]. In the tables a single quote stands for a double quote.
 */
@DisplayName("SNS subscription filter policies")
class SnsFilterPolicyTests {

	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static InvalidFilterPolicyException rejection(String policy, Scope scope) {
		InvalidFilterPolicyException exception = catchThrowableOfType(InvalidFilterPolicyException.class,
				() -> SnsFilterPolicy.parse(json(policy), scope));
		assertThat(exception).as("policy %s is rejected", policy).isNotNull();
		return exception;
	}

	private static SnsFilterPolicy body(String policy) {
		return SnsFilterPolicy.parse(json(policy), Scope.MessageBody);
	}

	private static SnsFilterPolicy attributes(String policy) {
		return SnsFilterPolicy.parse(json(policy));
	}

	@Nested
	@DisplayName("Validation")
	class Validation {

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("AWS-SNAP: each bad policy given to Subscribe, and SNS's reason")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'key':[['value']]}                                    | Match value must be String, number, true, false, or null
				{'key':[{'wrong-operator':true}]}                      | Unrecognized match type wrong-operator
				{'key':[{'suffix':'value','prefix':'value2'}]}         | Only one key allowed in match expression
				{'key':[]}                                             | Empty arrays are not allowed
				{'key':[{'suffix':100}]}                               | suffix match pattern must be a string
				{'key':[{'suffix':null}]}                              | suffix match pattern must be a string
				{'key':{'suffix':'value'}}                             | "suffix" must be an object or an array
				{'key':[{'suffix':[]}]}                                | suffix match pattern must be a string
				{'key':[{'suffix':['test','test2']}]}                  | suffix match pattern must be a string
				{'key':{'suffix':'value','prefix':'value'}}            | "suffix" must be an object or an array
				{'key':{'not-an-operator':'value'}}                    | "not-an-operator" must be an object or an array
				{'key':[{'cidr':['bad-filter']}]}                      | prefix match pattern must be a string
				{'key':[{'cidr':'bad-filter'}]}                        | Malformed CIDR, one '/' required
				{'key':[{'cidr':'bad-filter/64'}]}                     | Nonstandard IP address: bad-filter
				{'key':[{'cidr':'bad-/64filter'}]}                     | Malformed CIDR, mask bits must be an integer
				{'key':[{'cidr':'xx.11.xx/8'}]}                        | Nonstandard IP address: xx.11.xx
				{'key':[{'cidr':'xxxx:db8:1234:1a00::/64'}]}           | Nonstandard IP address: xxxx:db8:1234:1a00::
				{'key':[{'numeric':[]}]}                               | Invalid member in numeric match: ]
				{'key':[{'numeric':['operator']}]}                     | Unrecognized numeric range operator: operator
				{'key':[{'numeric':[1,'<=']}]}                         | Invalid member in numeric match: 1
				{'key':[{'numeric':['=','000']}]}                      | Value of equals must be numeric
				{'key':[{'numeric':['>=']}]}                           | Value of >= must be numeric
				{'key':[{'numeric':['<',100,'>',10]}]}                 | Too many elements in numeric expression
				{'key':[{'numeric':['>=',1,'>',2]}]}                   | Bad numeric range operator: >
				{'key':[{'numeric':['>',3,'<',1]}]}                    | Bottom must be less than top
				{'key':[{'numeric':['>',20,'<=']}]}                    | Value of <= must be numeric
				{'key':[{'numeric':['>',20,30]}]}                      | Bad value in numeric range: 30
				{'key':[{'numeric':['>',20,'test']}]}                  | Bad numeric range operator: test
				{'key':[{'numeric':['>','20','<','30']}]}              | Value of > must be numeric
				{'key':[{'numeric':['>',20,'<','30']}]}                | Value of < must be numeric
				{'key':[{'numeric':['>',20,'<',30,'<',50]}]}           | Too many terms in numeric range expression
				{'key':[{'exists':null}]}                              | exists match pattern must be either true or false.
				{'key':[{'exists':'no'}]}                              | exists match pattern must be either true or false.
				{'key':[{'anything-but':{'wrong-operator':null}}]}     | Unsupported anything-but pattern: wrong-operator
				{'key':[{'anything-but':{'suffix':'test'}}]}           | Unsupported anything-but pattern: suffix
				{'key':[{'anything-but':{'exists':false}}]}            | Unsupported anything-but pattern: exists
				{'key':[{'anything-but':{'prefix':false}}]}            | prefix match pattern must be a string
				{'a':['1'],'b':['1'],'c':['1'],'d':['1'],'e':['1'],'f':['1']} | Filter policy can not have more than 5 keys
				""")
		void rejectsWithSnsReason(String policy, String reason) {
			InvalidFilterPolicyException exception = rejection(policy, Scope.MessageAttributes);
			assertThat(exception).hasMessage(reason);
			assertThat(exception.subscribeMessage()).isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: " + reason);
			assertThat(exception.setSubscriptionAttributesMessage()).isEqualTo("Invalid parameter: FilterPolicy: " + reason);
			assertThat(exception.errorCode()).isEqualTo("InvalidParameter");
		}

		@ParameterizedTest(name = "{0}")
		@DisplayName("AWS-SNAP: valid policies, given to Subscribe or SetSubscriptionAttributes")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'key':[{'anything-but':{'prefix':'test-'}}]}
				{'key':[{'anything-but':['test','test2']}]}
				{'key':[{'anything-but':'test'}]}
				{'attr1':[{'numeric':['>',0,'<=',100]}]}
				{'attr1':[null,{'anything-but':'whatever'}]}
				{'store':[{'exists':false}]}
				""")
		void acceptsWhatSnsAccepted(String policy) {
			assertThat(attributes(policy)).hasToString(json(policy));
		}

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("What SNS's older grammar does not have")
		@CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
				{'key':[{'wildcard':'a*'}]} => Unrecognized match type wildcard
				{'key':[{'prefix':{'equals-ignore-case':'a'}}]} => prefix match pattern must be a string
				{'key':[{'suffix':{'equals-ignore-case':'a'}}]} => suffix match pattern must be a string
				{'key':[{'anything-but':{'equals-ignore-case':'a'}}]} => Unsupported anything-but pattern: equals-ignore-case
				{'key':[{'anything-but':{'prefix':['a']}}]} => prefix match pattern must be a string
				{'key':[{'anything-but':{'prefix':''}}]} => Null prefix not allowed
				{'key':[{'anything-but':{'prefix':'a','suffix':'b'}}]} => Only one key allowed in match expression
				{'key':[{'anything-but':['a',null]}]} => Inside anything but list, start|null|boolean is not supported.
				{'key':[{'anything-but':null}]} => Value of anything-but must be an array or single string/number value.
				""")
		void olderGrammar(String policy, String reason) {
			assertThat(rejection(policy, Scope.MessageAttributes)).hasMessage(reason);
		}

		@Test
		void aNestedPolicyNeedsTheMessageBodyScope() {
			// AWS-SNAP test_sub_filter_policy_nested_property: SetSubscriptionAttributes names no parameter here
			String nested = "{'object':{'key':[{'prefix':'auto-'}]}}";
			InvalidFilterPolicyException exception = rejection(nested, Scope.MessageAttributes);
			assertThat(exception.setSubscriptionAttributesMessage()).isEqualTo(
					"Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
			assertThat(exception.subscribeMessage()).isEqualTo("Invalid parameter: Attributes Reason: Filter policy"
					+ " scope MessageAttributes does not support nested filter policy");
			assertThat(body(nested).scope()).isEqualTo(Scope.MessageBody);
			assertThat(rejection("{'$or':[{'a':['1']},{'b':{'c':['1']}}]}", null))
					.hasMessage("Filter policy scope MessageAttributes does not support nested filter policy");
		}

		@Test
		void aPolicyRuleMustBeInAnArray() {
			// AWS-SNAP test_sub_filter_policy_nested_property_constraints, via SetSubscriptionAttributes
			assertThat(rejection("{'key_a':'value_one'}", Scope.MessageBody).setSubscriptionAttributesMessage())
					.isEqualTo("Invalid parameter: FilterPolicy: \"key_a\" must be an object or an array");
		}

		@Test
		void aBadScopeNamesTheTwoGoodOnes() {
			// AWS-SNAP test_set_subscription_filter_policy_scope
			InvalidFilterPolicyException exception = catchThrowableOfType(InvalidFilterPolicyException.class,
					() -> Scope.of("RandomValue"));
			assertThat(exception.setSubscriptionAttributesMessage()).isEqualTo("Invalid parameter: FilterPolicyScope:"
					+ " Invalid value [RandomValue]. Please use either MessageBody or MessageAttributes");
			assertThat(Scope.of("MessageBody")).isEqualTo(Scope.MessageBody);
			assertThat(Scope.of("MessageAttributes")).isEqualTo(Scope.MessageAttributes);
		}

		@Test
		void theScopeDefaultsToMessageAttributes() {
			assertThat(SnsFilterPolicy.parse(json("{'a':['1']}")).scope()).isEqualTo(Scope.MessageAttributes);
			assertThat(SnsFilterPolicy.parse(json("{'a':['1']}"), null).scope()).isEqualTo(Scope.MessageAttributes);
		}

		private static String values(String key, int count) {
			return "'" + key + "':[" + IntStream.range(0, count).mapToObj(i -> "'v" + i + "'")
					.collect(Collectors.joining(",")) + "]";
		}

		@Test
		void atMost150Combinations() {
			// AWS-SNAP test_policy_complexity: 151 values, and 100 x 51
			assertThat(attributes("{" + values("key", 150) + "}")).isNotNull();
			assertThat(rejection("{" + values("key", 151) + "}", null)).hasMessage("Filter policy is too complex");
			assertThat(rejection("{" + values("key1", 100) + "," + values("key2", 51) + "}", null).subscribeMessage())
					.isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex");
			assertThat(attributes("{" + values("key1", 50) + "," + values("key2", 3) + "}")).isNotNull();
		}

		@Test
		void orBranchesAddUp() {
			// AWS-SNAP test_policy_complexity_with_or: 4 x 6 + 4 x 4 x 4 + 4 x 4 x 4 = 152
			String flat = "{'source':['aws.cloudwatch','aws.events','aws.test','aws.test2'],'$or':["
					+ "{'metricName':['CPUUtilization','ReadLatency','t1','t2','t3','t4']},"
					+ "{'metricType':['MetricType','TestType','TestType2','TestType3'],"
					+ "'$or':[{'metricId':[1234,4321,5678,9012]},{'spaceId':[1,2,3,4]}]}]}";
			assertThat(rejection(flat, Scope.MessageAttributes)).hasMessage("Filter policy is too complex");
			// one value fewer in metricName: 4 x 5 + 128 = 148
			assertThat(attributes(flat.replace(",'t4'", ""))).isNotNull();
		}

		@Test
		void nestingMultipliesByDepth() {
			// AWS-SNAP test_sub_filter_policy_nested_property_constraints: 3x4 x 2x3 x 1x3 = 216
			String nested = "{'key_a':{'key_b':{'key_c':['value_one','value_two','value_three','value_four']}},"
					+ "'key_d':{'key_e':['value_one','value_two','value_three']},"
					+ "'key_f':['value_one','value_two','value_three']}";
			assertThat(rejection(nested, Scope.MessageBody).setSubscriptionAttributesMessage())
					.isEqualTo("Invalid parameter: FilterPolicy: Filter policy is too complex");
			// the documentation's own example without key_f: 3x4 x 2x3 = 72
			assertThat(body(nested.replace(",'key_f':['value_one','value_two','value_three']", ""))).isNotNull();
			// AWS-SNAP test_policy_complexity_with_or, body scope: (3 + 2) x 2x2 x (1x2 + 3x2) = 160
			String nestedOr = "{'$or':[{'metricName':['CPUUtilization','ReadLatency','TestValue']},"
					+ "{'namespace':['AWS/EC2','AWS/ES']}],'detail':{'scope':['Service','Test'],'$or':["
					+ "{'source':['aws.cloudwatch']},{'type':['CloudWatch Alarm State Change','TestValue','TestValue2']}]}}";
			assertThat(rejection(nestedOr, Scope.MessageBody)).hasMessage("Filter policy is too complex");
			// one type fewer: 5 x 4 x (2 + 4) = 120
			assertThat(body(nestedOr.replace(",'TestValue2'", ""))).isNotNull();
		}

		@Test
		void onlyTopLevelKeysCount() {
			assertThat(body("{'a':{'b':['1'],'c':['1'],'d':['1'],'e':['1'],'f':['1'],'g':['1']}}")).isNotNull();
			assertThat(attributes("{'a':['1'],'b':['1'],'c':['1'],'d':['1'],'e':['1']}")).isNotNull();
		}

		@Test
		void anOrThatIsNotOneIsAnOrdinaryKey() {
			// [DOC and-or-logic] "$or" needs an array of at least two objects free of operator names
			assertThat(rejection("{'$or':[{'a':['1']}]}", null)).hasMessage("Unrecognized match type a");
			assertThat(rejection("{'$or':[{'numeric':123},{'prefix':'abc'}]}", null))
					.hasMessage("Value of numeric must be an array.");
			SnsFilterPolicy literal = attributes("{'$or':[{'prefix':'ab'}]}");
			assertThat(literal.matchesAttributes(Map.of("$or", Attribute.string("abc")))).isTrue();
			assertThat(literal.matchesAttributes(Map.of("a", Attribute.string("abc")))).isFalse();
		}
	}

	@Nested
	@DisplayName("Message attributes")
	class MessageAttributes {

		@Test
		void numericRangesCompareNumberAttributes() {
			// AWS-SNAP test_filter_policy
			SnsFilterPolicy policy = attributes("{'attr1':[{'numeric':['>',0,'<=',100]}]}");
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.number("99")))).isTrue();
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.number("111")))).isFalse();
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.number("1e2")))).isTrue();
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.string("99")))).isFalse();
			assertThat(policy.matchesAttributes(Map.of("attr1", new Attribute("Number.float", "0.5")))).isTrue();
		}

		@Test
		void aMessageWithoutAttributesMatchesNoPolicy() {
			// AWS-SNAP test_filter_policy: [null, anything-but] did not deliver a message without attributes
			SnsFilterPolicy policy = attributes("{'attr1':[null,{'anything-but':'whatever'}]}");
			assertThat(policy.matchesAttributes(Map.of())).isFalse();
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.string("other")))).isTrue();
			assertThat(policy.matchesAttributes(Map.of("attr1", Attribute.string("whatever")))).isFalse();
			// [DOC attribute-key-matching] exists: false needs at least one attribute
			assertThat(attributes("{'store':[{'exists':false}]}").matchesAttributes(Map.of())).isFalse();
		}

		@Test
		void existsLooksForTheAttributeName() {
			// AWS-SNAP test_exists_filter_policy
			SnsFilterPolicy present = attributes("{'store':[{'exists':true}]}");
			assertThat(present.matchesAttributes(Map.of("store", Attribute.number("99"), "def", Attribute.number("99"))))
					.isTrue();
			assertThat(present.matchesAttributes(Map.of("attr1", Attribute.number("111")))).isFalse();
			SnsFilterPolicy absent = attributes("{'store':[{'exists':false}]}");
			assertThat(absent.matchesAttributes(Map.of("def", Attribute.number("99")))).isTrue();
			assertThat(absent.matchesAttributes(Map.of("store", Attribute.number("99"), "def", Attribute.number("99"))))
					.isFalse();
		}

		@Test
		void aStringArrayMatchesIfAnyElementDoes() {
			// AWS-SNAP test_exists_filter_policy_attributes_array
			SnsFilterPolicy policy = attributes("{'store':['value1']}");
			assertThat(policy.matchesAttributes(Map.of("store", Attribute.string("value1")))).isTrue();
			assertThat(policy.matchesAttributes(Map.of("store", Attribute.stringArray("[\"value1\",\"value2\"]"))))
					.isTrue();
			assertThat(policy.matchesAttributes(Map.of("store", Attribute.stringArray("[\"value2\",\"value3\"]"))))
					.isFalse();
			assertThat(attributes("{'n':[2]}").matchesAttributes(Map.of("n", Attribute.stringArray("[1,2]")))).isTrue();
			assertThat(attributes("{'n':[{'anything-but':'a'}]}")
					.matchesAttributes(Map.of("n", Attribute.stringArray("[\"a\",\"b\"]")))).isTrue();
			assertThat(attributes("{'n':[{'exists':true}]}")
					.matchesAttributes(Map.of("n", Attribute.stringArray("[]")))).isFalse();
		}

		@Test
		void binaryAttributesAreIgnored() {
			assertThat(attributes("{'b':[{'exists':true}]}").matchesAttributes(Map.of("b", Attribute.binary())))
					.isFalse();
			assertThat(attributes("{'b':[{'exists':false}]}").matchesAttributes(Map.of("b", Attribute.binary())))
					.isTrue();
		}

		@ParameterizedTest(name = "{0} vs {1}={2}: {3}")
		@DisplayName("Operators on String attributes")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'a':['rugby','football']}                          | rugby            | true
				{'a':['rugby']}                                     | Rugby            | false
				{'a':[{'prefix':'bas'}]}                            | baseball         | true
				{'a':[{'suffix':'ball'}]}                           | baseball         | true
				{'a':[{'suffix':'ball'}]}                           | baseBALL         | false
				{'a':[{'equals-ignore-case':'RUGBY'}]}              | rugby            | true
				{'a':[{'anything-but':['rugby','tennis']}]}         | football         | true
				{'a':[{'anything-but':['rugby','tennis']}]}         | tennis           | false
				{'a':[{'anything-but':{'prefix':'bas'}}]}           | baseball         | false
				{'a':[{'anything-but':{'prefix':'bas'}}]}           | football         | true
				{'a':[{'cidr':'10.0.0.0/24'}]}                      | 10.0.0.255       | true
				{'a':[{'cidr':'10.0.0.0/24'}]}                      | 10.0.1.0         | false
				{'a.b':['x']}                                       | x                | true
				""")
		void stringOperators(String policy, String value, boolean expected) {
			String name = policy.startsWith("{'a.b'") ? "a.b" : "a";
			assertThat(attributes(policy).matchesAttributes(Map.of(name, Attribute.string(value)))).isEqualTo(expected);
		}

		@Test
		void everyKeyMustMatchAndOrPicksABranch() {
			SnsFilterPolicy policy = attributes("{'source':['aws.cloudwatch'],'$or':[{'metricName':['CPUUtilization']},"
					+ "{'namespace':['AWS/EC2']}]}");
			assertThat(policy.matchesAttributes(Map.of("source", Attribute.string("aws.cloudwatch"), "namespace",
					Attribute.string("AWS/EC2")))).isTrue();
			assertThat(policy.matchesAttributes(Map.of("source", Attribute.string("aws.cloudwatch"), "namespace",
					Attribute.string("AWS/ES")))).isFalse();
			assertThat(policy.matchesAttributes(Map.of("metricName", Attribute.string("CPUUtilization")))).isFalse();
		}

		@Test
		void theScopeDecidesWhatIsLookedAt() {
			SnsFilterPolicy onAttributes = attributes("{'k':['v']}");
			SnsFilterPolicy onBody = body("{'k':['v']}");
			Map<String, Attribute> attributes = Map.of("k", Attribute.string("v"));
			assertThat(onAttributes.matches("{\"k\":\"x\"}", attributes)).isTrue();
			assertThat(onBody.matches("{\"k\":\"x\"}", attributes)).isFalse();
			assertThat(onBody.matches("{\"k\":\"v\"}", Map.of())).isTrue();
		}
	}

	@Nested
	@DisplayName("Message body")
	class MessageBody {

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("AWS-SNAP test_filter_policy_on_message_body: nested keys, prefix or value, exists: false")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'object':{'key':'auto-test'}}                             | true
				{'object':{'key':'hardcodedvalue'}}                        | true
				{'object':{'key':'test-auto'}}                             | false
				{'object':{'key':'auto-test'},'test':'just-exists'}        | false
				{'object':{'key':'auto-test','nested_key':'just-exists'}}  | false
				{'object':{'test':'auto-test'}}                            | false
				{'test':'auto-test'}                                       | false
				Regular string message                                     | false
				'Regular string message'                                   | false
				""")
		void nestedPolicy(String message, boolean expected) {
			SnsFilterPolicy policy = body("{'object':{'key':[{'prefix':'auto-'},'hardcodedvalue'],"
					+ "'nested_key':[{'exists':false}]},'test':[{'exists':false}]}");
			assertThat(policy.matchesBody(json(message))).isEqualTo(expected);
		}

		@ParameterizedTest(name = "{0} vs {1}: {2}")
		@DisplayName("AWS-SNAP test_filter_policy_on_message_body_dot_attribute: dotted keys on both sides")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'object.nested':['string.value']}       | {'object':{'nested':'string.value'}}           | true
				{'object.nested':['string.value']}       | {'object.nested':'string.value'}               | true
				{'object.nested':['string.value']}       | {'object':{'nested':'test-auto'}}              | false
				{'object.nested.test':['string.value']}  | {'object':{'nested':{'test':'string.value'}}}  | true
				{'object.nested.test':['string.value']}  | {'object.nested.test':'string.value'}          | true
				{'object.nested.test':['string.value']}  | {'object.nested':{'test':'string.value'}}      | true
				{'object.nested.test':['string.value']}  | {'object':{'nested.test':'string.value'}}      | true
				{'object.nested.test':['string.value']}  | {'object':{'nested':{'test':'string.notvalue'}}} | false
				""")
		void dottedKeys(String policy, String message, boolean expected) {
			assertThat(body(policy).matchesBody(json(message))).isEqualTo(expected);
		}

		@ParameterizedTest(name = "{0} vs {1}: {2}")
		@DisplayName("AWS-SNAP test_filter_policy_on_message_body_array_attributes: any element of an array")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'headers':{'route-to':['queue1']}}  | {'headers':{'route-to':['queue3']}}           | false
				{'headers':{'route-to':['queue1']}}  | {'headers':{'route-to':['queue1']}}           | true
				{'headers':{'route-to':['queue1']}}  | {'headers':{'route-to':['queue2']}}           | false
				{'headers':{'route-to':['queue1']}}  | {'headers':{'route-to':['queue1','queue2']}}  | true
				{'headers':{'route-to':['queue2']}}  | {'headers':{'route-to':['queue1','queue2']}}  | true
				""")
		void arrays(String policy, String message, boolean expected) {
			assertThat(body(policy).matchesBody(json(message))).isEqualTo(expected);
		}

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("AWS-SNAP test_filter_policy_on_message_body_array_of_object_attributes: S3 records")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'Records':[{'eventName':'ObjectCreated:Put','s3':{'object':[[{'key':'auto-insurance-2314.xml','size':17}]]}},{'eventName':'ObjectRemoved:Delete','s3':{'object':{'key':'home-insurance-2314.xml','size':17}}}]} | true
				{'Records':[{'eventName':'ObjectRemoved:Delete','s3':{'object':{'key':'auto-insurance-2314.xml','size':17}}}]} | false
				{'Records':[{'eventName':'ObjectCreated:Put','s3':{'object':{'key':'home-insurance-2314.xml','size':17}}}]}    | false
				{'Records':[{'eventName':'ObjectCreated:Put','s3':{'object':{'key':'auto-insurance-2314.xml','size':17}}}]}    | true
				{'Records':[{'eventName':'ObjectRemoved:Delete','s3':{'object':{'key':'auto-1'}}},{'eventName':'ObjectCreated:Put','s3':{'object':{'key':'home-1'}}}]} | false
				""")
		void recordsOfS3Events(String message, boolean expected) {
			// the last row is ours: the two fields come from different records, which Event Ruler does not combine
			SnsFilterPolicy policy = body("{'Records':{'s3':{'object':{'key':[{'prefix':'auto-'}]}},"
					+ "'eventName':[{'prefix':'ObjectCreated:'}]}}");
			assertThat(policy.matchesBody(json(message))).isEqualTo(expected);
		}

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("AWS-SNAP test_filter_policy_on_message_body_or_attribute: $or at the top and nested")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'metricName':'CPUUtilization','detail':{'scope':'aws.cloudwatch','type':'CloudWatch Alarm State Change'}} | false
				{'metricName':'CPUUtilization','detail':{'scope':'Service','type':'CPUUtilization'}}                       | false
				{'metricName':'CPUUtilization','detail':{'type':'CloudWatch Alarm State Change'}}                          | false
				{'metricName':'CPUUtilization','detail':{'scope':'Service'}}                                               | false
				{'metricName':'CPUUtilization','scope':'Service'}                                                          | false
				{'metricName':'AWS/EC2','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}               | false
				{'namespace':'CPUUtilization','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}         | false
				{'metricName':'CPUUtilization','detail':{'scope':'Service','source':'aws.cloudwatch'}}                     | true
				{'metricName':'ReadLatency','detail':{'scope':'Service','source':'aws.cloudwatch'}}                        | true
				{'namespace':'AWS/EC2','detail':{'scope':'Service','source':'aws.cloudwatch'}}                             | true
				{'namespace':'AWS/ES','detail':{'scope':'Service','source':'aws.cloudwatch'}}                              | true
				{'metricName':'CPUUtilization','detail':{'scope':'Service','type':'CloudWatch Alarm State Change'}}        | true
				""")
		void orRelationships(String message, boolean expected) {
			SnsFilterPolicy policy = body("{'$or':[{'metricName':['CPUUtilization','ReadLatency']},"
					+ "{'namespace':['AWS/EC2','AWS/ES']}],'detail':{'scope':['Service'],'$or':["
					+ "{'source':['aws.cloudwatch']},{'type':['CloudWatch Alarm State Change']}]}}");
			assertThat(policy.matchesBody(json(message))).isEqualTo(expected);
		}

		@Test
		void anEmptyArrayElsewhereDoesNotGetInTheWay() {
			// AWS-SNAP test_filter_policy_empty_array_payload
			SnsFilterPolicy policy = body("{'detail':{'eventVersion':['']}}");
			assertThat(policy.matchesBody(json("{'version':'0','source':'aws.autoscaling','resources':[],"
					+ "'detail':{'eventVersion':'','responseElements':null}}"))).isTrue();
			assertThat(policy.matchesBody(json("{'resources':[],'detail':{'eventVersion':'1'}}"))).isFalse();
		}

		@ParameterizedTest(name = "{0}: {1}")
		@DisplayName("AWS-SNAP test_filter_policy_ip_address_condition: IPv4 and IPv6 blocks under $or")
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				{'id':'1','detail':{'sourceIPAddress':'10.0.0.255'}}                                  | true
				{'id':'2','detail':{'sourceIPAddress':'10.0.0.256'}}                                  | false
				{'id':'3','detail':{'sourceIPAddressV6':'2001:0db8:1234:1a00:0000:0000:0000:0000'}}   | true
				{'id':'4','detail':{'sourceIPAddressV6':'2001:0db8:123f:1a01:0000:0000:0000:0000'}}   | false
				""")
		void ipAddresses(String message, boolean expected) {
			SnsFilterPolicy policy = body("{'detail':{'$or':[{'sourceIPAddress':[{'cidr':'10.0.0.0/24'}]},"
					+ "{'sourceIPAddressV6':[{'cidr':'2001:db8:1234:1a00::/64'}]}]}}");
			assertThat(policy.matchesBody(json(message))).isEqualTo(expected);
		}

		@Test
		void dottedKeysReachDeepIntoLists() {
			// the shape of AWS-SNAP test_filter_policy_large_complex_payload, on a small body of our own
			SnsFilterPolicy policy = body("{'detail':{'payload.nested.another-level.deep':{'inside-list':"
					+ "[{'prefix':'q-test'}]}}}");
			assertThat(policy.matchesBody(json("{'detail':{'payload':{'nested':{'another-level':{'deep':"
					+ "[{'inside-list':['x','q-test-1']}]}}}}}"))).isTrue();
			assertThat(policy.matchesBody(json("{'detail':{'payload':{'nested':{'another-level':{'deep':"
					+ "[{'inside-list':['x']}]}}}}}"))).isFalse();
		}

		@Test
		void onlyAJsonObjectBodyCanMatch() {
			SnsFilterPolicy policy = body("{'k':[{'exists':false}]}");
			assertThat(policy.matchesBody("{}")).isTrue();
			assertThat(policy.matchesBody("[]")).isFalse();
			assertThat(policy.matchesBody("not json")).isFalse();
			assertThat(policy.matchesBody(null)).isFalse();
		}
	}
}
