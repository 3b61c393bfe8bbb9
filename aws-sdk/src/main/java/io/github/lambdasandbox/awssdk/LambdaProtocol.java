package io.github.lambdasandbox.awssdk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.lambdasandbox.internal.aws.AwsServiceException;
import io.github.lambdasandbox.internal.aws.AwsServices;
import io.github.lambdasandbox.internal.aws.AwsServices.EventInvokeConfig;
import io.github.lambdasandbox.internal.aws.AwsServices.InvokeResult;

/**
 * Lambda's REST-JSON protocol: {@code POST /2015-03-31/functions/<name>/invocations} (Invoke) and
 * {@code PUT|GET|DELETE /2019-09-25/functions/<name>/event-invoke-config}, the function by name or (percent-encoded)
 * ARN, the qualifier in {@code ?Qualifier=}. An error names its code in {@code x-amzn-ErrorType}, and its body is
 * {@code {"Type":"User","message":"…"}} with the error's extra fields ({@code Reason}) first.
 */
final class LambdaProtocol implements Protocol {

	private static final Pattern PATH = Pattern.compile("/(\\d{4}-\\d{2}-\\d{2})/functions/([^/]+)/([^/]+)/?");

	/** The last 4 KB of the log, as {@code X-Amz-Log-Result} carries it (base64) for {@code LogType: Tail}. */
	private static final int LOG_TAIL_BYTES = 4096;

	@Override
	public String operation(Request request) {
		Matcher path = PATH.matcher(request.encodedPath());
		String method = request.method();
		if (path.matches()) {
			String version = path.group(1);
			String resource = path.group(3);
			if (version.equals("2015-03-31") && resource.equals("invocations") && method.equals("POST")) {
				return "Invoke";
			}
			if (version.equals("2019-09-25") && resource.equals("event-invoke-config")) {
				switch (method) {
					case "PUT":
						return "PutFunctionEventInvokeConfig";
					case "GET":
						return "GetFunctionEventInvokeConfig";
					case "DELETE":
						return "DeleteFunctionEventInvokeConfig";
					case "POST":
						throw Unsupported.operation("Lambda", "UpdateFunctionEventInvokeConfig");
					default:
						break;
				}
			}
			if (resource.equals("response-streaming-invocations")) {
				throw Unsupported.operation("Lambda", "InvokeWithResponseStream");
			}
		}
		if (request.encodedPath().matches("/2014-11-13/functions/[^/]+/invoke-async/?")) {
			throw Unsupported.operation("Lambda", "InvokeAsync");
		}
		throw Unsupported.operation("Lambda", "(" + request + ")");
	}

	@Override
	public Response handle(String operation, Request request, AwsServices services) {
		Matcher path = PATH.matcher(request.encodedPath());
		path.matches();
		String function = Percent.decode(path.group(2));
		String qualifier = request.query("Qualifier");
		AwsServices.Lambda lambda = services.lambda();
		try {
			switch (operation) {
				case "Invoke" -> {
					return invoke(request, lambda, function, qualifier);
				}
				case "PutFunctionEventInvokeConfig" -> {
					JsonNode in = AwsJson.read(request);
					JsonNode destinations = in.path("DestinationConfig");
					EventInvokeConfig config = lambda.putFunctionEventInvokeConfig(function, qualifier,
							AwsJson.integer(in, "MaximumRetryAttempts"), AwsJson.integer(in, "MaximumEventAgeInSeconds"),
							AwsJson.text(destinations.path("OnSuccess"), "Destination"),
							AwsJson.text(destinations.path("OnFailure"), "Destination"));
					return json(Response.status(200), write(config));
				}
				case "GetFunctionEventInvokeConfig" -> {
					return json(Response.status(200), write(lambda.getFunctionEventInvokeConfig(function, qualifier)));
				}
				case "DeleteFunctionEventInvokeConfig" -> {
					lambda.deleteFunctionEventInvokeConfig(function, qualifier);
					return Response.status(204).header("x-amzn-RequestId", RequestIds.uuid());
				}
				default -> throw new IllegalStateException("Lambda " + operation + " has no handler");
			}
		}
		catch (AwsServiceException e) {
			ObjectNode body = AwsJson.object();
			e.fields().forEach(body::put);
			if (!body.has("Type")) {
				body.put("Type", e.senderFault() ? "User" : "Service");
			}
			body.put("message", e.getMessage());
			return json(Response.status(e.statusCode()).header("x-amzn-ErrorType", e.errorCode()), body);
		}
	}

	private static Response invoke(Request request, AwsServices.Lambda lambda, String function, String qualifier) {
		if (request.header("X-Amz-Client-Context") != null) {
			throw Unsupported.parameter("Lambda", "Invoke", "ClientContext");
		}
		String invocationType = request.header("X-Amz-Invocation-Type");
		InvokeResult result = lambda.invoke(function, qualifier, invocationType == null ? "RequestResponse" : invocationType,
				request.body());
		Response response = Response.status(result.statusCode()).header("x-amzn-RequestId", RequestIds.uuid());
		if (result.statusCode() != 200) {
			return response.header("Content-Length", "0");
		}
		response.header("X-Amz-Function-Error", result.functionError());
		if ("Tail".equals(request.header("X-Amz-Log-Type")) && result.logResult() != null) {
			byte[] log = result.logResult().getBytes(StandardCharsets.UTF_8);
			byte[] tail = Arrays.copyOfRange(log, Math.max(0, log.length - LOG_TAIL_BYTES), log.length);
			response.header("X-Amz-Log-Result", Base64.getEncoder().encodeToString(tail));
		}
		response.header("X-Amz-Executed-Version", result.executedVersion() == null ? "$LATEST" : result.executedVersion());
		return response.body("application/json", result.payload() == null ? new byte[0] : result.payload());
	}

	/** A FunctionEventInvokeConfig; {@code LastModified} in epoch seconds, absent destinations as empty objects. */
	private static ObjectNode write(EventInvokeConfig config) {
		ObjectNode out = AwsJson.object();
		out.put("LastModified", BigDecimal.valueOf(config.lastModified().toEpochMilli()).movePointLeft(3));
		out.put("FunctionArn", config.functionArn());
		if (config.maximumRetryAttempts() != null) {
			out.put("MaximumRetryAttempts", config.maximumRetryAttempts());
		}
		if (config.maximumEventAgeInSeconds() != null) {
			out.put("MaximumEventAgeInSeconds", config.maximumEventAgeInSeconds());
		}
		ObjectNode destinations = out.putObject("DestinationConfig");
		ObjectNode onSuccess = destinations.putObject("OnSuccess");
		if (config.onSuccess() != null) {
			onSuccess.put("Destination", config.onSuccess());
		}
		ObjectNode onFailure = destinations.putObject("OnFailure");
		if (config.onFailure() != null) {
			onFailure.put("Destination", config.onFailure());
		}
		return out;
	}

	private static Response json(Response response, JsonNode body) {
		if (response.header("x-amzn-RequestId") == null) {
			response.header("x-amzn-RequestId", RequestIds.uuid());
		}
		return response.body("application/json", body.toString());
	}
}
