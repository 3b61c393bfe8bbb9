package io.github.lambdasandbox.internal.services.filters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The first two tables are what AWS answered to TestEventPattern [AWS-SNAP 2025-10-15, LocalStack
 * tests/aws/services/events/test_events_patterns.snapshot.json, one row per recorded case, named as there]; the events
 * keep only the fields the pattern looks at. In the tables a single quote stands for a double quote.
 */
@DisplayName("EventBridge event patterns")
class EventPatternTests {

	static Stream<Arguments> recordedOutcomes() {
		return Stream.of(
				outcome("arrays", "{'resources':['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f','arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f','arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f']}", "{'resources':['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate','arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f']}", true),
				outcome("arrays_NEG", "{'resources':['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f','arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f','arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f']}", "{'resources':['arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate']}", false),
				outcome("arrays_empty_null_NEG", "{'resources':[null]}", "{'resources':[]}", false),
				outcome("boolean", "{'boolean':[false]}", "{'boolean':false}", true),
				outcome("boolean_NEG", "{'boolean':[false]}", "{'boolean':true}", false),
				outcome("complex_many_rules", "{'source':[{'exists':true}],'detail-type':[{'prefix':'core.app'}],'detail':{'description':['this-is-event-details'],'amount':[200],'salary':[2000,4000],'env':['dev','prod'],'user':['user1','user2','user3'],'admins':['skyli',{'prefix':'hey'},{'prefix':'ad'}],'test1':[{'anything-but':200}],'test2':[{'anything-but':'test2'}],'test3':[{'anything-but':['test3','test33']}],'test4':[{'anything-but':{'prefix':'test4'}}],'num-test1':[{'numeric':['<',200]}],'num-test2':[{'numeric':['<=',200]}],'num-test3':[{'numeric':['>',200]}],'num-test4':[{'numeric':['>=',200]}],'num-test5':[{'numeric':['>=',200,'<=',500]}],'num-test6':[{'numeric':['>',200,'<',500]}],'num-test7':[{'numeric':['>=',200,'<',500]}]}}", "{'EventBusName':'my-event-bus-name','source':'core.update-account-command','detail-type':'core.app.backend','detail':{'description':'this-is-event-details','amount':200,'salary':2000,'env':'prod','user':'user3','admins':'admin','test1':300,'test2':'test22','test3':'test333','test4':'this test4','ip':'10.102.1.100','num-test1':100,'num-test2':200,'num-test3':300,'num-test4':200,'num-test5':500,'num-test6':300,'num-test7':300}}", true),
				outcome("complex_multi_match", "{'time':[{'prefix':'2022-07-13'}],'detail':{'state':[{'anything-but':'initializing'}],'c-count':[{'numeric':['>',0,'<=',5]}],'d-count':[{'numeric':['<',10]}],'x-limit':[{'anything-but':[100,200,300]}]}}", "{'time':'2022-07-13T13:48:01Z','detail':{'state':'processing','c-count':3,'d-count':9,'x-limit':999}}", true),
				outcome("complex_multi_match_NEG", "{'time':[{'prefix':'2022-07-13'}],'detail':{'state':[{'anything-but':'initializing'}],'c-count':[{'numeric':['>',0,'<=',5]}],'d-count':[{'numeric':['<',10]}],'x-limit':[{'anything-but':[100,200,300]}]}}", "{'time':'2022-07-13T13:48:01Z','detail':{'state':'processing','c-count':3,'d-count':9,'x-limit':300}}", false),
				outcome("complex_or", "{'detail':{'$or':[{'c-count':[{'numeric':['>',0,'<=',5]}]},{'d-count':[{'numeric':['<',10]}]},{'x-limit':[{'numeric':['=',3.018e2]}]}]}}", "{'detail':{'c-count':0,'d-count':0,'x-limit':9.018e2}}", true),
				outcome("complex_or_NEG", "{'detail':{'$or':[{'c-count':[{'numeric':['>',0,'<=',5]}]},{'d-count':[{'numeric':['<',10]}]},{'x-limit':[{'numeric':['=',3.018e2]}]}]}}", "{'detail':{'c-count':0,'d-count':10,'x-limit':9.018e2}}", false),
				outcome("content_anything_but_ignorecase", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':'initializing'}}]}}", "{'detail':{'state':'pending'}}", true),
				outcome("content_anything_but_ignorecase_NEG", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':'initializing'}}]}}", "{'detail':{'state':'INITIALIZING'}}", false),
				outcome("content_anything_but_ignorecase_list", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':['initializing','stopped']}}]}}", "{'detail':{'state':'pending'}}", true),
				outcome("content_anything_but_ignorecase_list_NEG", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':['initializing','stopped']}}]}}", "{'detail':{'state':'Stopped'}}", false),
				outcome("content_anything_but_ignorecase_list_missing_NEG", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':['initializing','stopped']}}]}}", "{'detail':{}}", false),
				outcome("content_anything_but_ignorecase_list_null", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':['initializing','stopped']}}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_but_ignorecase_missing_NEG", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':'initializing'}}]}}", "{'detail':{}}", false),
				outcome("content_anything_but_ignorecase_null", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':'initializing'}}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_but_number", "{'detail':{'x-limit':[{'anything-but':123}]}}", "{'detail':{'x-limit':789}}", true),
				outcome("content_anything_but_number_NEG", "{'detail':{'x-limit':[{'anything-but':123}]}}", "{'detail':{'x-limit':123}}", false),
				outcome("content_anything_but_number_list", "{'detail':{'x-limit':[{'anything-but':[100,200,300]}]}}", "{'detail':{'x-limit':999}}", true),
				outcome("content_anything_but_number_list_NEG", "{'detail':{'x-limit':[{'anything-but':[100,200,300]}]}}", "{'detail':{'x-limit':100}}", false),
				outcome("content_anything_but_number_zero", "{'detail':{'x-limit':[{'anything-but':0}]}}", "{'detail':{'x-limit':789}}", true),
				outcome("content_anything_but_string", "{'detail':{'state':[{'anything-but':'initializing'}]}}", "{'detail':{'state':'pending'}}", true),
				outcome("content_anything_but_string_NEG", "{'detail':{'state':[{'anything-but':'initializing'}]}}", "{'detail':{'state':'initializing'}}", false),
				outcome("content_anything_but_string_list", "{'detail':{'state':[{'anything-but':['stopped','overloaded']}]}}", "{'detail':{'state':'pending'}}", true),
				outcome("content_anything_but_string_list_NEG", "{'detail':{'state':[{'anything-but':['stopped','overloaded']}]}}", "{'detail':{'state':'stopped'}}", false),
				outcome("content_anything_but_string_list_missing_NEG", "{'detail':{'state':[{'anything-but':['stopped','overloaded']}]}}", "{'detail':{}}", false),
				outcome("content_anything_but_string_list_null", "{'detail':{'state':[{'anything-but':['stopped','running']}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_but_string_missing_NEG", "{'detail':{'state':[{'anything-but':'initializing'}]}}", "{'detail':{}}", false),
				outcome("content_anything_but_string_null", "{'detail':{'state':[{'anything-but':'initializing'}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_prefix", "{'detail':{'state':[{'anything-but':{'prefix':'init'}}]}}", "{'detail':{'state':'post-init'}}", true),
				outcome("content_anything_prefix_NEG", "{'detail':{'state':[{'anything-but':{'prefix':'init'}}]}}", "{'detail':{'state':'init-prefix'}}", false),
				outcome("content_anything_prefix_int_value", "{'detail':{'state':[{'anything-but':{'prefix':'init'}}]}}", "{'detail':{'state':12}}", true),
				outcome("content_anything_prefix_list", "{'detail':{'state':[{'anything-but':{'prefix':['init','test']}}]}}", "{'detail':{'state':'post-init'}}", true),
				outcome("content_anything_prefix_list_NEG", "{'detail':{'state':[{'anything-but':{'prefix':['init','post']}}]}}", "{'detail':{'state':'post-init'}}", false),
				outcome("content_anything_prefix_list_int", "{'detail':{'state':[{'anything-but':{'prefix':['init','test']}}]}}", "{'detail':{'state':12}}", true),
				outcome("content_anything_prefix_list_missing_NEG", "{'detail':{'state':[{'anything-but':{'prefix':['init','post']}}]}}", "{'detail':{}}", false),
				outcome("content_anything_prefix_list_null", "{'detail':{'state':[{'anything-but':{'prefix':['init','test']}}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_prefix_missing_NEG", "{'detail':{'state':[{'anything-but':{'prefix':'init'}}]}}", "{'detail':{}}", false),
				outcome("content_anything_prefix_null", "{'detail':{'state':[{'anything-but':{'prefix':'init'}}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_suffix", "{'detail':{'FileName':[{'anything-but':{'suffix':'.txt'}}]}}", "{'detail':{'FileName':'file.txt.bak'}}", true),
				outcome("content_anything_suffix_NEG", "{'detail':{'FileName':[{'anything-but':{'suffix':'.txt'}}]}}", "{'detail':{'FileName':'file.txt'}}", false),
				outcome("content_anything_suffix_list", "{'detail':{'FileName':[{'anything-but':{'suffix':['.txt','.jpg']}}]}}", "{'detail':{'FileName':'file.txt.bak'}}", true),
				outcome("content_anything_suffix_list_NEG", "{'detail':{'FileName':[{'anything-but':{'suffix':['.txt','.jpg']}}]}}", "{'detail':{'FileName':'file.jpg'}}", false),
				outcome("content_anything_suffix_list_missing_NEG", "{'detail':{'FileName':[{'anything-but':{'suffix':['.txt','.jpg']}}]}}", "{'detail':{}}", false),
				outcome("content_anything_suffix_list_null", "{'detail':{'FileName':[{'anything-but':{'suffix':['.txt','.jpg']}}]}}", "{'detail':{'FileName':null}}", true),
				outcome("content_anything_suffix_missing_NEG", "{'detail':{'FileName':[{'anything-but':{'suffix':'.txt'}}]}}", "{'detail':{}}", false),
				outcome("content_anything_suffix_null", "{'detail':{'FileName':[{'anything-but':{'suffix':'.txt'}}]}}", "{'detail':{'FileName':null}}", true),
				outcome("content_anything_wildcard", "{'detail':{'FilePath':[{'anything-but':{'wildcard':'*/dir/*'}}]}}", "{'detail':{'FilePath':'dir/init/file'}}", true),
				outcome("content_anything_wildcard_NEG", "{'detail':{'FilePath':[{'anything-but':{'wildcard':'*/init/*'}}]}}", "{'detail':{'FilePath':'dir/init/file'}}", false),
				outcome("content_anything_wildcard_empty", "{'detail':{'FilePath':[{'anything-but':{'wildcard':''}}]}}", "{'detail':{'FilePath':'dir/init/file'}}", true),
				outcome("content_anything_wildcard_int", "{'detail':{'FilePath':[{'anything-but':{'wildcard':'*/dir/*'}}]}}", "{'detail':{'FilePath':123}}", true),
				outcome("content_anything_wildcard_list", "{'detail':{'state':[{'anything-but':{'wildcard':['*/init/*','*/dir/*']}}]}}", "{'detail':{'state':'dir/post/dir'}}", true),
				outcome("content_anything_wildcard_list_NEG", "{'detail':{'state':[{'anything-but':{'wildcard':['*/init/*','*/dir/*']}}]}}", "{'detail':{'state':'dir/init/dir'}}", false),
				outcome("content_anything_wildcard_list_missing_NEG", "{'detail':{'state':[{'anything-but':{'wildcard':['*/init/*','*/dir/*']}}]}}", "{'detail':{}}", false),
				outcome("content_anything_wildcard_list_null", "{'detail':{'state':[{'anything-but':{'wildcard':['*/init/*','*/dir/*']}}]}}", "{'detail':{'state':null}}", true),
				outcome("content_anything_wildcard_missing_NEG", "{'detail':{'FilePath':[{'anything-but':{'wildcard':'*/init/*'}}]}}", "{'detail':{}}", false),
				outcome("content_anything_wildcard_null", "{'detail':{'FilePath':[{'anything-but':{'wildcard':'*/dir/*'}}]}}", "{'detail':{'FilePath':null}}", true),
				outcome("content_exists", "{'detail':{'state':[{'exists':true}]}}", "{'detail':{'instance-id':'i-abcd1111','state':'pending'}}", true),
				outcome("content_exists_NEG", "{'detail':{'state':[{'exists':true}]}}", "{'detail':{'c-count':{'c1':100}}}", false),
				outcome("content_exists_false", "{'detail':{'level1':{'level2:':{'level3':{'level4':[{'exists':false}]}}}}}", "{'detail':{'level1':{'level2':'l2 value'}}}", true),
				outcome("content_exists_false_NEG", "{'detail':{'level1':{'level2':{'level3':{'level4':[{'exists':false}]}}}}}", "{'detail':{'level1':{'level2':{'level3':{'level4':'l4 value'}}}}}", false),
				outcome("content_ignorecase", "{'detail-type':[{'equals-ignore-case':'ec2 instance state-change notification'}]}", "{'detail-type':['EC2 Instance State-change Notification']}", true),
				outcome("content_ignorecase_NEG", "{'detail-type':[{'equals-ignore-case':'I do not match'}]}", "{'detail-type':['EC2 Instance State-change Notification']}", false),
				outcome("content_ignorecase_empty", "{'detail':{'value':[{'equals-ignore-case':''}]}}", "{'detail':{'value':''}}", true),
				outcome("content_ignorecase_empty_NEG", "{'detail':{'value':[{'equals-ignore-case':''}]}}", "{'detail':{'value':'test-value'}}", false),
				outcome("content_ip_address", "{'detail':{'sourceIPAddress':[{'cidr':'10.0.0.0/24'}]}}", "{'detail':{'sourceIPAddress':'10.0.0.255'}}", true),
				outcome("content_ip_address_NEG", "{'detail':{'sourceIPAddress':[{'cidr':'10.0.0.0/24'}]}}", "{'detail':{'sourceIPAddress':'10.0.0.256'}}", false),
				outcome("content_ip_address_bad_type_NEG", "{'detail':{'sourceIPAddress':[{'cidr':'10.0.0.0/24'}]}}", "{'detail':{'sourceIPAddress':123}}", false),
				outcome("content_ip_address_v6", "{'detail':{'sourceIPAddress':[{'cidr':'2001:db8:1234:1a00::/64'}]}}", "{'detail':{'sourceIPAddress':'2001:0db8:1234:1a00:0000:0000:0000:0000'}}", true),
				outcome("content_ip_address_v6_NEG", "{'detail':{'sourceIPAddress':[{'cidr':'2001:db8:1234:1a00::/64'}]}}", "{'detail':{'sourceIPAddress':'2001:0db8:123f:1a01:0000:0000:0000:0000'}}", false),
				outcome("content_numeric_and", "{'detail':{'c-count':[{'numeric':['>',0,'<=',5]}],'d-count':[{'numeric':['<',10]}],'x-limit':[{'numeric':['=',3.018e2]}]}}", "{'detail':{'c-count':3,'d-count':9,'x-limit':3.018e2}}", true),
				outcome("content_numeric_and_NEG", "{'detail':{'c-count':[{'numeric':['>',0,'<=',5]}],'d-count':[{'numeric':['<',10]}],'x-limit':[{'numeric':['=',3.018e2]}]}}", "{'detail':{'c-count':42,'d-count':9,'x-limit':3.018e2}}", false),
				outcome("content_prefix", "{'time':[{'prefix':'2022-07-13'}]}", "{'time':'2022-07-13T13:48:01Z'}", true),
				outcome("content_prefix_NEG", "{'time':[{'prefix':'2022-07-99'}]}", "{'time':'2022-07-13T13:48:01Z'}", false),
				outcome("content_prefix_empty", "{'source':[{'prefix':''}]}", "{'source':'test-source','detail':{'state':'pending'}}", true),
				outcome("content_prefix_ignorecase", "{'detail':{'service':[{'prefix':{'equals-ignore-case':'EventB'}}]}}", "{'detail':{'service':'EvEnTb'}}", true),
				outcome("content_suffix", "{'FileName':[{'suffix':'.png'}]}", "{'FileName':'image.png'}", true),
				outcome("content_suffix_NEG", "{'FileName':[{'suffix':'.PNG'}]}", "{'FileName':'image.png'}", false),
				outcome("content_suffix_empty", "{'source':[{'suffix':''}]}", "{'source':'test-source','detail':{'state':'pending'}}", true),
				outcome("content_suffix_ignorecase", "{'detail':{'FileName':[{'suffix':{'equals-ignore-case':'.png'}}]}}", "{'detail':{'FileName':'image.PNG'}}", true),
				outcome("content_suffix_ignorecase_NEG", "{'detail':{'FileName':[{'suffix':{'equals-ignore-case':'.png'}}]}}", "{'detail':{'FileName':'image.jpg'}}", false),
				outcome("content_wildcard_empty_NEG", "{'EventBusArn':[{'wildcard':''}]}", "{'EventBusArn':'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus'}", false),
				outcome("content_wildcard_nonrepeating", "{'FileName':[{'wildcard':'/Users/*/doc.txt'}]}", "{'FileName':'/Users/ls_user/dir/dir/dir/dir/dir/doc.txt'}", true),
				outcome("content_wildcard_nonrepeating_NEG", "{'FileName':[{'wildcard':'/Users/*/doc.txt'}]}", "{'FileName':'/Users/ls_user/dir/dir/dir/dir/dir/notmatchingdoc.txt'}", false),
				outcome("content_wildcard_repeating", "{'FileName':[{'wildcard':'/Users/*/dir/dir/dir/dir/dir/doc.txt'}]}", "{'FileName':'/Users/ls_user/dir/dir/dir/dir/dir/doc.txt'}", true),
				outcome("content_wildcard_repeating_NEG", "{'FileName':[{'wildcard':'/Users/*/dir/dir/dir/dir/dir/doc.txt'}]}", "{'FileName':'/Users/ls_user/dir/dir/dir/dir/otherdir/doc.txt'}", false),
				outcome("content_wildcard_simplified", "{'EventBusArn':[{'wildcard':'arn:aws:events:us-east-1:*:event-bus/*'}]}", "{'EventBusArn':'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus'}", true),
				outcome("dot_joining_event", "{'detail':{'state':{'status':['running']}}}", "{'detail':{'state.status':'running'}}", true),
				outcome("dot_joining_event_NEG", "{'detail':{'state':{'status':['running']}}}", "{'detail':{'state.status':{'status':'running'}}}", false),
				outcome("dot_joining_pattern", "{'detail':{'state.status':['running']}}", "{'detail':{'state':{'status':'running'}}}", true),
				outcome("dot_joining_pattern_NEG", "{'detail':{'state.status':{'status':['running']}}}", "{'detail':{'state':{'status':'running'}}}", false),
				outcome("dynamodb", "{'dynamodb':{'NewImage':{'homemade':{'N':['1234']}}}}", "{'dynamodb':{'NewImage':{'homemade':{'S':'ABCD','N':'1234'}}}}", true),
				outcome("exists_dynamodb", "{'dynamodb':{'presentKey':{'S':[{'exists':true}]}}}", "{'dynamodb':{'id':{'S':'test1234'},'presentKey':{'S':'test123'}}}", true),
				outcome("exists_dynamodb_NEG", "{'dynamodb':{'presentKey':[{'exists':true}]}}", "{'dynamodb':{'id':{'S':'test1234'},'presentKey':{'S':'test123'}}}", false),
				outcome("exists_list_empty_NEG", "{'resources':[{'exists':true}]}", "{'resources':[],'detail':{'eventVersion':'','responseElements':null}}", false),
				outcome("key_case_sensitive_NEG", "{'MY_KEY':['my-value']}", "{'my_key':'my-value'}", false),
				outcome("list_within_dict", "{'detail':{'automations':{'id':[{'exists':true}]}}}", "{'detail':{'automations':[{'key1':'value1'},{'id':'match-does-exist'},{'key2':'value2'}]}}", true),
				outcome("minimal", "{'id':['1']}", "{'id':'1'}", true),
				outcome("nested_json_NEG", "{'detail':{'my-key':['my-value']}}", "{'detail':'{\\'my-key\\': \\'my-value\\'}'}", false),
				outcome("null_value", "{'detail':{'responseElements':[null]}}", "{'resources':[],'detail':{'eventVersion':'','responseElements':null}}", true),
				outcome("null_value_NEG", "{'detail':{'responseElements':[null]}}", "{'resources':[],'detail':{'eventVersion':'','responseElements':'null'}}", false),
				outcome("number_comparison_float", "{'number':[300]}", "{'number':300.0}", true),
				outcome("numeric-int-float", "{'number':[{'numeric':['>',100]}]}", "{'number':101.0}", true),
				outcome("numeric-null_NEG", "{'number':[{'numeric':['>',100]}]}", "{'number':null}", false),
				outcome("numeric-string_NEG", "{'number':[{'numeric':['>',100]}]}", "{'number':'300'}", false),
				outcome("operator_multiple_list", "{'my_key':[{'exists':true},{'prefix':'IGNORED'},{'suffix':'IGNORED'}]}", "{'my_key':'my-value'}", true),
				outcome("or-anything-but", "{'dynamodb':{'NewImage':{'homemade':{'S':[{'anything-but':['roses']},{'exists':false}]}}}}", "{'dynamodb':{'NewImage':{'homemade':{'S':'ABCD','N':'1234'}}}}", true),
				outcome("or-exists-parent", "{'dynamodb':{'NewImage':{'homemade':{'S':[{'anything-but':['roses']},{'exists':false}]}}}}", "{'dynamodb':{'NewImage':{'purchased':{'N':'789'}}}}", true),
				outcome("or-exists", "{'dynamodb':{'NewImage':{'homemade':{'S':[{'anything-but':['roses']},{'exists':false}]}}}}", "{'dynamodb':{'NewImage':{'homemade':{'N':'789'}}}}", true),
				outcome("or-numeric-anything-but", "{'dynamodb':{'NewImage':{'numericFilter':{'N':[{'numeric':['>',100]},{'anything-but':'101'}]}}}}", "{'dynamodb':{'Keys':{'id':{'S':'id_value_1'}},'NewImage':{'id':{'S':'id_value_1'},'numericFilter':{'N':'42'}},'SizeBytes':52}}", true),
				outcome("or-numeric-anything-but_NEG", "{'dynamodb':{'NewImage':{'numericFilter':{'N':[{'numeric':['>',100]},{'anything-but':'101'}]}}}}", "{'dynamodb':{'Keys':{'id':{'S':'id_value_1'}},'NewImage':{'id':{'S':'id_value_1'},'numericFilter':{'N':'101'}},'SizeBytes':52}}", false),
				outcome("prefix", "{'dynamodb':{'Keys':{'PK':{'S':[{'prefix':'COMPANY'}]},'SK':{'S':[{'prefix':'PRODUCT'}]}}}}", "{'dynamodb':{'Keys':{'SK':{'S':'PRODUCT#CHOCOLATE#DARK#1000'},'PK':{'S':'COMPANY#1000'}},'NewImage':{'quantity':{'N':'50'},'type':{'S':''}}}}", true),
				outcome("sample1", "{'source':['order'],'detail-type':['Test']}", "{'source':'order','detail-type':'Test'}", true),
				outcome("string", "{'string':['A CamelCase string with an emoji 🚀 and trailing whitespace ']}", "{'string':'A CamelCase string with an emoji 🚀 and trailing whitespace '}", true),
				outcome("string_empty", "{'detail':{'eventVersion':['']}}", "{'resources':[],'detail':{'eventVersion':'','responseElements':null}}", true));
	}

	static Stream<Arguments> recordedRejections() {
		return Stream.of(
				rejected("arrays_empty_EXC", "{'resources':[]}", "Empty arrays are not allowed"),
				rejected("content_anything_but_ignorecase_EXC", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':123}}]}}", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."),
				rejected("content_anything_but_ignorecase_list_EXC", "{'detail':{'state':[{'anything-but':{'equals-ignore-case':[123,456]}}]}}", "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."),
				rejected("content_anything_but_string_list_null_type_EXC", "{'detail':{'state':[{'anything-but':['stopped',null]}]}}", "Inside anything but list, start|null|boolean is not supported."),
				rejected("content_anything_but_string_null_type_EXC", "{'detail':{'state':[{'anything-but':null}]}}", "Value of anything-but must be an array or single string/number value."),
				rejected("content_anything_prefix_empty_EXC", "{'detail':{'FileName':[{'anything-but':{'prefix':''}}]}}", "Null prefix/suffix not allowed"),
				rejected("content_anything_prefix_ignorecase_EXC", "{'detail':{'FileName':[{'anything-but':{'prefix':{'equals-ignore-case':'file'}}}]}}", "Value of anything-but must be an array or single string/number value."),
				rejected("content_anything_prefix_int_EXC", "{'detail':{'state':[{'anything-but':{'prefix':123}}]}}", "prefix/suffix match pattern must be a string"),
				rejected("content_anything_prefix_list_type_EXC", "{'detail':{'state':[{'anything-but':{'prefix':[123,'test']}}]}}", "prefix/suffix match pattern must be a string"),
				rejected("content_anything_suffix_empty_EXC", "{'detail':{'FileName':[{'anything-but':{'suffix':''}}]}}", "Null prefix/suffix not allowed"),
				rejected("content_anything_suffix_ignorecase_EXC", "{'detail':{'FileName':[{'anything-but':{'suffix':{'equals-ignore-case':'.png'}}}]}}", "Value of anything-but must be an array or single string/number value."),
				rejected("content_anything_suffix_int_EXC", "{'detail':{'FileName':[{'anything-but':{'suffix':123}}]}}", "prefix/suffix match pattern must be a string"),
				rejected("content_anything_suffix_list_null_type_EXC", "{'detail':{'FileName':[{'anything-but':{'suffix':[null,'.txt']}}]}}", "prefix/suffix match pattern must be a string"),
				rejected("content_anything_suffix_list_type_EXC", "{'detail':{'FileName':[{'anything-but':{'suffix':[123,'.txt']}}]}}", "prefix/suffix match pattern must be a string"),
				rejected("content_anything_wildcard_list_type_EXC", "{'detail':{'state':[{'anything-but':{'wildcard':[123,'*/dir/*']}}]}}", "wildcard match pattern must be a string"),
				rejected("content_anything_wildcard_type_EXC", "{'detail':{'FilePath':[{'anything-but':{'wildcard':123}}]}}", "wildcard match pattern must be a string"),
				rejected("content_ignorecase_EXC", "{'detail-type':[{'equals-ignore-case':['ec2 instance state-change notification']}]}", "equals-ignore-case match pattern must be a string"),
				rejected("content_ignorecase_list_EXC", "{'detail-type':[{'equals-ignore-case':{'prefix':'ec2'}}]}", "equals-ignore-case match pattern must be a string"),
				rejected("content_ip_address_EXC", "{'detail':{'sourceIPAddress':[{'cidr':'bad-filter'}]}}", "Malformed CIDR, one '/' required"),
				rejected("content_ip_address_bad_ip_EXC", "{'detail':{'sourceIPAddress':[{'cidr':'xx.11.xx/8'}]}}", "Nonstandard IP address: xx.11.xx"),
				rejected("content_ip_address_bad_mask_EXC", "{'detail':{'sourceIPAddress':[{'cidr':'bad-/64filter'}]}}", "Malformed CIDR, mask bits must be an integer"),
				rejected("content_ip_address_type_EXC", "{'detail':{'sourceIPAddress':[{'cidr':['bad-type']}]}}", "prefix match pattern must be a string"),
				rejected("content_ip_address_v6_bad_ip_EXC", "{'detail':{'sourceIPAddress':[{'cidr':'xxxx:db8:1234:1a00::/64'}]}}", "Nonstandard IP address: xxxx:db8:1234:1a00::"),
				rejected("content_numeric_EXC", "{'detail':{'c-count':[{'numeric':['>',0,'>',0]}]}}", "Bad numeric range operator: >"),
				rejected("content_numeric_number_EXC", "{'detail':{'c-count':[{'numeric':10}]}}", "Value of numeric must be an array."),
				rejected("content_numeric_operatorcasing_EXC", "{'detail':{'equal':[{'NUMERIC':['=',5]}]}}", "Unrecognized match type NUMERIC"),
				rejected("content_numeric_syntax_EXC", "{'detail':{'c-count':[{'numeric':['>',0,'<']}]}}", "Value of < must be numeric"),
				rejected("content_prefix_int_EXC", "{'time':[{'prefix':123}]}", "prefix match pattern must be a string"),
				rejected("content_prefix_list_EXC", "{'time':[{'prefix':['2022-07-13']}]}", "prefix match pattern must be a string"),
				rejected("content_suffix_int_EXC", "{'FileName':[{'suffix':123}]}", "suffix match pattern must be a string"),
				rejected("content_suffix_list_EXC", "{'FileName':[{'suffix':['.png']}]}", "suffix match pattern must be a string"),
				rejected("content_wildcard_complex_EXC", "{'EventBusArn':[{'wildcard':'*:*:*:*:*:event-bus/*'}]}", "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character"),
				rejected("content_wildcard_int_EXC", "{'EventBusArn':[{'wildcard':123}]}", "wildcard match pattern must be a string"),
				rejected("content_wildcard_list_EXC", "{'EventBusArn':[{'wildcard':['arn:aws:events:us-east-1:**:event-bus/*']}]}", "wildcard match pattern must be a string"),
				rejected("content_wildcard_repeating_star_EXC", "{'EventBusArn':[{'wildcard':'arn:aws:events:us-east-1:**:event-bus/*'}]}", "Consecutive wildcard characters at pos 26"),
				rejected("int_nolist_EXC", "{'int':42}", "\"int\" must be an object or an array"),
				rejected("operator_case_sensitive_EXC", "{'my_key':[{'EXISTS':true}]}", "Unrecognized match type EXISTS"),
				rejected("string_nolist_EXC", "{'string':'my-value'}", "\"string\" must be an object or an array"));
	}

	private static Arguments outcome(String name, String pattern, String event, boolean matches) {
		return Arguments.of(name, json(pattern), json(event), matches);
	}

	private static Arguments rejected(String name, String pattern, String reason) {
		return Arguments.of(name, json(pattern), reason);
	}

	private static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	private static boolean matches(String pattern, String event) {
		return EventPattern.parse(json(pattern)).matches(json(event));
	}

	private static String reason(String pattern) {
		InvalidEventPatternException exception = catchThrowableOfType(InvalidEventPatternException.class,
				() -> EventPattern.parse(json(pattern)));
		assertThat(exception).as("pattern %s is rejected", pattern).isNotNull();
		assertThat(exception.getMessage()).isEqualTo("Event pattern is not valid. Reason: " + exception.reason());
		return exception.reason();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordedOutcomes")
	void matchesAsAwsDid(String name, String pattern, String event, boolean expected) {
		assertThat(EventPattern.parse(pattern).matches(event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordedRejections")
	void rejectsWithAwsMessage(String name, String pattern, String reason) {
		assertThatThrownBy(() -> EventPattern.parse(pattern)).isInstanceOf(InvalidEventPatternException.class)
				.hasMessage("Event pattern is not valid. Reason: " + reason);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("Arrays, null and empty values, as the semantics table of spec 10.7 has them")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'r':['a','b','c']}             | {'r':['x','a']}             | true
			{'r':['a','b','c']}             | {'r':['x']}                 | false
			{'r':['a','b','c']}             | {'r':'b'}                   | true
			{'n':[null]}                    | {'n':null}                  | true
			{'n':[null]}                    | {'n':'null'}                | false
			{'n':[null]}                    | {'n':[]}                    | false
			{'n':[null]}                    | {'n':[null,1]}              | true
			{'n':[null]}                    | {}                          | false
			{'s':['']}                      | {'s':''}                    | true
			{'s':['']}                      | {'s':' '}                   | false
			{'b':[true]}                    | {'b':'true'}                | false
			{'b':[true]}                    | {'b':[false,true]}          | true
			{'MY_KEY':['v']}                | {'my_key':'v'}              | false
			{'a':{'b':['x']}}               | {'a':[[{'b':'x'}]]}         | true
			{'a':{'b':['x']}}               | {'a':{'b':{'c':'x'}}}       | false
			""")
	void arraysNullAndEmptyValues(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("Numbers compare by value and only with JSON numbers")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'n':[300]}                                  | {'n':300.0}      | true
			{'n':[300]}                                  | {'n':3e2}        | true
			{'n':[300]}                                  | {'n':'300'}      | false
			{'n':['300']}                                | {'n':300}        | false
			{'n':[0.1]}                                  | {'n':0.10}       | true
			{'n':[{'numeric':['=',5]}]}                  | {'n':5.0}        | true
			{'n':[{'numeric':['=',5]}]}                  | {'n':5.000001}   | false
			{'n':[{'numeric':['>',100]}]}                | {'n':'300'}      | false
			{'n':[{'numeric':['>',100]}]}                | {'n':null}       | false
			{'n':[{'numeric':['>',100]}]}                | {'n':100}        | false
			{'n':[{'numeric':['>=',100]}]}               | {'n':100}        | true
			{'n':[{'numeric':['<',10]}]}                 | {'n':10}         | false
			{'n':[{'numeric':['<=',10]}]}                | {'n':10}         | true
			{'n':[{'numeric':['<=',10]}]}                | {'n':-1e9}       | true
			{'n':[{'numeric':['>=',0,'<',10]}]}          | {'n':0}          | true
			{'n':[{'numeric':['>=',0,'<',10]}]}          | {'n':-0.000001}  | false
			{'n':[{'numeric':['>=',0,'<',10]}]}          | {'n':9.999999}   | true
			{'n':[{'numeric':['>',0,'<=',10]}]}          | {'n':[20,5]}     | true
			{'n':[{'numeric':['>',0,'<=',10]}]}          | {'n':[20,-5]}    | false
			{'n':[{'numeric':['>',1e10]}]}               | {'n':2e10}       | true
			""")
	void numbersCompareByValue(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("exists looks at leaves only: a missing parent, an object or an empty array does not exist")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'a':{'b':[{'exists':true}]}}       | {'a':{'b':null}}        | true
			{'a':{'b':[{'exists':true}]}}       | {'a':{'b':{'c':1}}}     | false
			{'a':{'b':[{'exists':true}]}}       | {'a':{'b':[]}}          | false
			{'a':{'b':[{'exists':true}]}}       | {'a':{'b':[[],{}]}}     | false
			{'a':{'b':[{'exists':true}]}}       | {'a':[{},{'b':0}]}      | true
			{'a':{'b':[{'exists':false}]}}      | {}                      | true
			{'a':{'b':[{'exists':false}]}}      | {'a':'b'}               | true
			{'a':{'b':[{'exists':false}]}}      | {'a':{'b':{'c':1}}}     | true
			{'a':{'b':[{'exists':false}]}}      | {'a':{'b':[]}}          | true
			{'a':{'b':[{'exists':false}]}}      | {'a':{'b':false}}       | false
			{'a':{'b':[{'exists':false}]}}      | {'a.b':1}               | false
			""")
	void existenceIsAboutLeaves(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("Fields taken from objects in an array come from one element [Event Ruler rulesForJSONEvent]")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'e':{'first':['Anna'],'last':['Smith']}}           | {'e':[{'first':'John','last':'Doe'},{'first':'Anna','last':'Smith'}]} | true
			{'e':{'first':['Anna'],'last':['Doe']}}             | {'e':[{'first':'John','last':'Doe'},{'first':'Anna','last':'Smith'}]} | false
			{'e':{'first':['Anna'],'last':['Doe']}}             | {'e':[[{'first':'Anna'}],[{'last':'Doe'}]]}                           | false
			{'e':{'first':['Anna'],'x':['y']}}                  | {'e':{'first':['Bob','Anna'],'x':['z','y']}}                        | true
			{'e':{'first':['Anna'],'last':[{'exists':false}]}}  | {'e':[{'first':'Anna'},{'last':'Doe'}]}                               | true
			{'e':{'first':['Anna'],'last':[{'exists':false}]}}  | {'e':[{'first':'Anna','last':'Doe'}]}                                 | false
			""")
	void arrayElementsStayTogether(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("anything-but: never a missing field, always null and values of another type")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'s':[{'anything-but':'a'}]}                              | {'s':'b'}         | true
			{'s':[{'anything-but':'a'}]}                              | {'s':'a'}         | false
			{'s':[{'anything-but':'a'}]}                              | {'s':1}           | true
			{'s':[{'anything-but':'a'}]}                              | {'s':true}        | true
			{'s':[{'anything-but':'a'}]}                              | {'s':['a','b']}   | true
			{'s':[{'anything-but':'a'}]}                              | {'s':['a']}       | false
			{'s':[{'anything-but':'a'}]}                              | {'t':'b'}         | false
			{'s':[{'anything-but':[1,2]}]}                            | {'s':'1'}         | true
			{'s':[{'anything-but':[1,2]}]}                            | {'s':2.0}         | false
			{'s':[{'anything-but':['1']}]}                            | {'s':1}           | true
			{'s':[{'anything-but':{'prefix':'in'}}]}                  | {'s':'IN-1'}      | true
			{'s':[{'anything-but':{'suffix':'.txt'}}]}                | {'s':'a.TXT'}     | true
			{'s':[{'anything-but':{'equals-ignore-case':['A','b']}}]} | {'s':'B'}         | false
			{'s':[{'anything-but':{'equals-ignore-case':['A','b']}}]} | {'s':'c'}         | true
			{'s':[{'anything-but':{'wildcard':'*/lib/*'}}]}           | {'s':'/x/lib/y'}  | false
			{'s':[{'anything-but':{'wildcard':'*/lib/*'}}]}           | {'s':'/x/bin/y'}  | true
			{'s':[{'anything-but':{'wildcard':'*'}}]}                 | {'s':''}          | false
			{'s':[{'anything-but':{'wildcard':'*'}}]}                 | {'s':null}        | true
			""")
	void anythingBut(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("prefix, suffix, equals-ignore-case and wildcard look at strings only")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'s':[{'prefix':''}]}                                | {'s':''}            | true
			{'s':[{'prefix':''}]}                                | {'s':0}             | false
			{'s':[{'prefix':'1'}]}                               | {'s':12}            | false
			{'s':[{'prefix':'ab'}]}                              | {'s':'Abc'}         | false
			{'s':[{'prefix':{'equals-ignore-case':'ab'}}]}       | {'s':'Abc'}         | true
			{'s':[{'suffix':'.png'}]}                            | {'s':'a.png'}       | true
			{'s':[{'suffix':{'equals-ignore-case':'.png'}}]}     | {'s':'png'}         | false
			{'s':[{'equals-ignore-case':'ÉTÉ'}]}                 | {'s':'été'}         | true
			{'s':[{'equals-ignore-case':'1'}]}                   | {'s':1}             | false
			{'s':[{'wildcard':'*'}]}                             | {'s':''}            | true
			{'s':[{'wildcard':'*'}]}                             | {'s':1}             | false
			{'s':[{'wildcard':'a*b*c'}]}                         | {'s':'abbcbc'}      | true
			{'s':[{'wildcard':'a*b*c'}]}                         | {'s':'abcx'}        | false
			{'s':[{'wildcard':'a*/z'}]}                          | {'s':'a/b/c/z'}     | true
			{'s':[{'wildcard':'A*'}]}                            | {'s':'ab'}          | false
			{'s':['10.0.0.1']}                                   | {'s':'10.0.0.1'}    | true
			{'s':['2001:db8::1']}                                | {'s':'2001:0db8:0000:0000:0000:0000:0000:0001'} | true
			""")
	void stringOperators(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@Test
	void wildcardEscapesStandForTheCharacter() {
		EventPattern star = EventPattern.parse("""
				{"s":[{"wildcard":"a\\\\*b"}]}""");
		assertThat(star.matches("""
				{"s":"a*b"}""")).isTrue();
		assertThat(star.matches("""
				{"s":"axb"}""")).isFalse();
		EventPattern backslash = EventPattern.parse("""
				{"s":[{"wildcard":"a\\\\\\\\*"}]}""");
		assertThat(backslash.matches("""
				{"s":"a\\\\bc"}""")).isTrue();
		assertThat(backslash.matches("""
				{"s":"abc"}""")).isFalse();
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("cidr: IPv4 and IPv6 blocks, compressed or not; numbers and other families never match")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'ip':[{'cidr':'10.0.0.0/8'}]}                 | {'ip':'10.255.255.255'}           | true
			{'ip':[{'cidr':'10.0.0.0/8'}]}                 | {'ip':'11.0.0.0'}                 | false
			{'ip':[{'cidr':'10.1.2.3/8'}]}                 | {'ip':'10.9.9.9'}                 | true
			{'ip':[{'cidr':'10.0.0.0/8'}]}                 | {'ip':'010.0.0.1'}                | false
			{'ip':[{'cidr':'0.0.0.0/0'}]}                  | {'ip':'::1'}                      | false
			{'ip':[{'cidr':'2001:db8:1234:1a00::/64'}]}    | {'ip':'2001:db8:1234:1a00::9'}    | true
			{'ip':[{'cidr':'2001:db8:1234:1a00::/64'}]}    | {'ip':'2001:db8:1234:1a01::'}     | false
			{'ip':[{'cidr':'10.0.0.0/24'}]}                | {'ip':'::ffff:a00:1'}             | true
			{'ip':[{'cidr':'10.0.0.0/24'}]}                | {'ip':['1.1.1.1','10.0.0.7']}     | true
			""")
	void cidrBlocks(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@DisplayName("$or branches share the fields around them; dotted keys join on both sides")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'src':['a'],'$or':[{'x':['1']},{'y':['2']}]}                 | {'src':'a','y':'2'}        | true
			{'src':['a'],'$or':[{'x':['1']},{'y':['2']}]}                 | {'src':'b','y':'2'}        | false
			{'src':['a'],'$or':[{'x':['1']},{'y':['2']}]}                 | {'src':'a','x':'2'}        | false
			{'d':{'$or':[{'x':['1']},{'$or':[{'y':['2']},{'z':['3']}]}]}} | {'d':{'z':'3'}}            | true
			{'d':{'$or':[{'x':['1']},{'y':['2']}],'k':['v']}}             | {'d':{'x':'1'}}            | false
			{'d':{'$or':[{'x':['1']},{'y':['2']}],'k':['v']}}             | {'d':{'x':'1','k':'v'}}    | true
			{'a.b':{'c':['1']}}                                           | {'a':{'b.c':'1'}}          | true
			{'a':{'b.c':['1']}}                                           | {'a.b.c':'1'}              | true
			{'a':{'b':['1']}}                                             | {'a':{'b':{'c':'1'}}}      | false
			""")
	void orAndDottedKeys(String pattern, String event, boolean expected) {
		assertThat(matches(pattern, event)).isEqualTo(expected);
	}

	@Test
	void aKeyGivenTwiceKeepsItsLastValue() {
		// [AWS-SNAP test_event_pattern_with_multi_key]: the prefix "us-" would fail; the later anything-but decides
		EventPattern pattern = EventPattern.parse("""
				{"detail":{"location":[{"prefix":"us-"}],"location":[{"anything-but":"us-east"}]}}""");
		assertThat(pattern.matches("""
				{"detail":{"location":"eu-central-1"}}""")).isTrue();
		assertThat(pattern.matches("""
				{"detail":{"location":"us-east"}}""")).isFalse();
	}

	@Test
	void jsonInsideAStringIsNotParsed() {
		EventPattern pattern = EventPattern.parse("""
				{"detail":{"k":["v"]}}""");
		assertThat(pattern.matches("""
				{"detail":"{\\"k\\":\\"v\\"}"}""")).isFalse();
		assertThat(pattern.matches("""
				{"detail":{"k":"v"}}""")).isTrue();
	}

	@Test
	void aStarOrABackslashInAValueIsThatCharacter() {
		// [AWS-SNAP test_event_pattern_with_escape_characters]: only wildcard gives '*' a meaning
		EventPattern pattern = EventPattern.parse("""
				{"detail":{"star":["*"],"backslash":["\\\\"]}}""");
		assertThat(pattern.matches("""
				{"detail":{"star":"*","backslash":"\\\\"}}""")).isTrue();
		assertThat(pattern.matches("""
				{"detail":{"star":"x","backslash":"\\\\"}}""")).isFalse();
	}

	@Test
	void matchesAParsedEventToo() throws Exception {
		EventPattern pattern = EventPattern.parse("""
				{"detail":{"n":[{"numeric":[">",1]}]}}""");
		ObjectMapper json = new ObjectMapper();
		assertThat(pattern.matches(json.readTree("""
				{"detail":{"n":2}}"""))).isTrue();
		assertThat(pattern.matches(json.readTree("""
				{"detail":{"n":1}}"""))).isFalse();
	}

	@ParameterizedTest
	@DisplayName("An event that is not a JSON object is TestEventPattern's 'Parameter Event is not valid.'")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			plain string
			["plain string"]
			42
			{"unclosed":
			""")
	void anEventMustBeAJsonObject(String event) {
		EventPattern pattern = EventPattern.parse("""
				{"source":["a"]}""");
		assertThatThrownBy(() -> pattern.matches(event)).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Parameter Event is not valid.");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@DisplayName("Other rejections, with Event Ruler's texts")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{}                                                     | Empty objects are not allowed
			{'detail':{}}                                          | Empty objects are not allowed
			{'a':[{}]}                                             | Match expression name not found
			{'a':[['x']]}                                          | Match value must be String, number, true, false, or null
			{'a':[{'prefix':'x','suffix':'y'}]}                    | Only one key allowed in match expression
			{'a':[{'exact':1}]}                                    | exact match pattern must be a string
			{'a':[{'exists':'true'}]}                              | exists match pattern must be either true or false.
			{'a':[{'exists':true,'prefix':'x'}]}                   | Only one key allowed in match expression
			{'a':[{'prefix':{}}]}                                  | Prefix expression name not found
			{'a':[{'prefix':{'suffix':'x'}}]}                      | Unsupported prefix pattern: suffix
			{'a':[{'suffix':{'equals-ignore-case':1}}]}            | equals-ignore-case match pattern must be a string
			{'a':[{'suffix':{'equals-ignore-case':'x','y':1}}]}    | Only one key allowed in match expression
			{'a':[{'numeric':['==',1]}]}                           | Unrecognized numeric range operator: ==
			{'a':[{'numeric':['=',1,2]}]}                          | Too many elements in numeric expression
			{'a':[{'numeric':['>',1],'x':1}]}                      | Too many elements in numeric expression
			{'a':[{'numeric':['>',5,'<',5]}]}                      | Bottom must be less than top
			{'a':[{'numeric':['>',1,30]}]}                         | Bad value in numeric range: 30
			{'a':[{'numeric':['>',1,'<',2,'<',3]}]}                | Too many terms in numeric range expression
			{'a':[{'numeric':[null]}]}                             | Invalid member in numeric match: null
			{'a':[{'anything-but':true}]}                          | Value of anything-but must be an array or single string/number value.
			{'a':[{'anything-but':{}}]}                            | Anything-But expression name not found
			{'a':[{'anything-but':{'exists':false}}]}              | Unsupported anything-but pattern: exists
			{'a':[{'anything-but':['a',1]}]}                       | Inside anything but list, either all values are number or string, mixed type is not supported
			{'a':[{'anything-but':[]}]}                            | Inside anything but list, either all values are number or string, mixed type is not supported
			{'a':[{'anything-but':'x','prefix':'y'}]}              | Too many elements in numeric expression
			{'a':[{'anything-but':{'prefix':'x','suffix':'y'}}]}   | Too many elements in numeric expression
			{'a':[{'anything-but':{'suffix':['x','']}}]}           | Null prefix/suffix not allowed
			{'a':[{'anything-but':{'wildcard':['x','a**']}}]}      | Consecutive wildcard characters at pos 2
			{'a':[{'wildcard':'**'}]}                              | Consecutive wildcard characters at pos 1
			{'a':[{'wildcard':'é**'}]}                             | Consecutive wildcard characters at pos 3
			{'a':[{'cidr':'10.0.0.1/32'}]}                         | IPv4 mask bits must be < 32
			{'a':[{'cidr':'::/128'}]}                              | IPv6 mask bits must be < 128
			{'a':[{'cidr':'10.0.0.0/-1'}]}                         | Malformed CIDR, mask bits must not be negative
			{'a':[{'cidr':'999.0.0.1/8'}]}                         | Invalid IP address: 999.0.0.1
			{'a':[{'cidr':'1:2:3/64'}]}                            | Invalid IP address: 1:2:3
			{'a':[{'cidr':'10.0.0.0/8/1'}]}                        | Malformed CIDR, one '/' required
			{'$or':{'a':['1']}}                                    | It must be an Array followed with $or.
			{'$or':[{'a':['1']}]}                                  | There must have at least 2 Objects in $or relationship.
			{'$or':[{'a':['1']},'b']}                              | Only JSON object is allowed in array of $or relationship.
			{'$or':[{'a':['1']},{'prefix':['b']}]}                 | prefix is Ruler reserved fieldName which cannot be used inside $or.
			{'$or':[{'a':['1']},{}]}                               | Empty objects are not allowed
			{'a':[{'regex':'x'}]}                                  | Unrecognized match type regex
			""")
	void otherRejections(String pattern, String expected) {
		assertThat(reason(pattern)).isEqualTo(expected);
	}

	@Test
	void aCidrWithATrailingSlashIsReadAsJavaSplitsIt() {
		// Java's split drops the empty part after a trailing '/', so Event Ruler sees one '/'
		assertThat(matches("{'a':[{'cidr':'10.0.0.0/8/'}]}", "{'a':'10.1.1.1'}")).isTrue();
	}

	@Test
	void invalidJsonIsTheJsonParsersOwnText() {
		// [AWS-SNAP test_invalid_json_event_pattern]
		assertThatThrownBy(() -> EventPattern.parse("this is valid json but not a dict"))
				.hasMessage("Event pattern is not valid. Reason: Unrecognized token 'this': was expecting (JSON String,"
						+ " Number, Array, Object or token 'null', 'true' or 'false')");
		assertThatThrownBy(() -> EventPattern.parse("{'bad': 'quotation'}"))
				.hasMessage("Event pattern is not valid. Reason: Unexpected character (''' (code 39)): was expecting"
						+ " double-quote to start field name");
		assertThatThrownBy(() -> EventPattern.parse("""
				{"not": closed mark\"""")).hasMessage("Event pattern is not valid. Reason: Unrecognized token 'closed':"
						+ " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
		assertThatThrownBy(() -> EventPattern.parse("""
				["not", "a", "dict", "but valid json"]"""))
				.hasMessage("Event pattern is not valid. Reason: Filter is not an object");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@DisplayName("Wildcard complexity above 10 is 'Rule is too complex'; values of one field reached the same way add up")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			{'a':[{'wildcard':'x*aaaaaaaaa'}]}                                               | true
			{'a':[{'wildcard':'x*aaaaaaaaaa'}]}                                              | false
			{'a':[{'wildcard':'arn:aws:events:us-east-1:*:event-bus/*'}]}                    | true
			{'a':[{'wildcard':'*:*:*:*:event-bus/*'}]}                                       | true
			{'a':[{'wildcard':'*:*:*:*:*:event-bus/*'}]}                                     | false
			{'a':[{'wildcard':'*aaaaa'},{'wildcard':'*bbbbb'}]}                              | true
			{'a':[{'wildcard':'*aaaaa'},{'wildcard':'*aaaaab'}]}                             | false
			{'a':[{'wildcard':'*aaaaa'},{'anything-but':{'wildcard':'*aaaaab'}}]}            | false
			{'a':[{'wildcard':'*aaaaa'}],'b':[{'wildcard':'*aaaaab'}]}                       | true
			{'$or':[{'a':[{'wildcard':'*aaaaa'}]},{'a':[{'wildcard':'*aaaaab'}]}]}           | false
			{'$or':[{'a':[{'wildcard':'*aaaaa'}]},{'b':['x'],'a':[{'wildcard':'*aaaaab'}]}]} | false
			{'$or':[{'b':[{'wildcard':'*aaaaa'}]},{'a':['x'],'b':[{'wildcard':'*aaaaab'}]}]} | true
			""")
	void wildcardComplexity(String pattern, boolean accepted) {
		if (accepted) {
			assertThat(EventPattern.parse(json(pattern))).hasToString(json(pattern));
		}
		else {
			assertThat(reason(pattern)).isEqualTo("Rule is too complex - try using fewer wildcard characters or fewer"
					+ " repeating character sequences after a wildcard character");
		}
	}
}
