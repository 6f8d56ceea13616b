using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Triggers;

/// <summary>
/// Classifies an EventBridge event into a <see cref="Trigger"/>: <c>aws.events</c> is a full sync, a CloudTrail-recorded
/// Lambda API call that changes what is registered is a targeted sync of its function, other well-formed events are
/// ignored with the reason, malformed ones rejected. Never throws for any input.
/// </summary>
public static partial class TriggerClassifier
{
    /// <summary>Largest event accepted, in bytes (EventBridge caps events at 256 KB; this leaves room for envelopes).</summary>
    public const int MaxEventBytes = 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted.</summary>
    public const int MaxDepth = 32;

    private const string CloudTrailDetailType = "AWS API Call via CloudTrail";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>Classifies a UTF-8 JSON event.</summary>
    /// <param name="utf8Json">The raw event as received by the function.</param>
    /// <param name="context">Where this registrator runs; events about functions in another account or region are ignored.</param>
    public static Trigger Classify(ReadOnlyMemory<byte> utf8Json, TriggerContext? context = null)
    {
        if (utf8Json.Length > MaxEventBytes)
        {
            return new RejectedEvent($"The event is {utf8Json.Length} bytes; at most {MaxEventBytes} are accepted (EventBridge events are at most 256 KB).");
        }

        if (utf8Json.IsEmpty)
        {
            return new RejectedEvent("The event is empty; expected an EventBridge event (a JSON object with \"source\").");
        }

        // JsonDocument validates UTF-8 only when a string is read; reject it up front instead.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return new RejectedEvent("The event is not valid UTF-8; expected an EventBridge event (a JSON object with \"source\").");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Classify(document.RootElement, context);
        }
        catch (JsonException ex)
        {
            return new RejectedEvent($"The event is not valid JSON ({ex.Message}); expected an EventBridge event (a JSON object with \"source\").");
        }
    }

    /// <summary>Classifies a JSON event given as text.</summary>
    public static Trigger Classify(string json, TriggerContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxEventBytes)
        {
            return new RejectedEvent($"The event is {json.Length} characters; at most {MaxEventBytes} bytes are accepted (EventBridge events are at most 256 KB).");
        }

        return Classify(Encoding.UTF8.GetBytes(json), context);
    }

    /// <summary>Classifies an already parsed event (the caller's parser options bound its size and depth).</summary>
    public static Trigger Classify(JsonElement root, TriggerContext? context = null)
    {
        try
        {
            return ClassifyElement(root, context);
        }
        catch (InvalidOperationException)
        {
            // Thrown by JsonElement.GetString for strings that are not valid UTF-8.
            return new RejectedEvent("The event contains a string that is not valid UTF-8; expected an EventBridge event (a JSON object with \"source\").");
        }
    }

    private static Trigger ClassifyElement(JsonElement root, TriggerContext? context)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new RejectedEvent($"The event is a JSON {Kind(root)}; expected an EventBridge event (a JSON object with \"source\").");
        }

        if (!root.TryGetProperty("source", out var sourceElement))
        {
            return new RejectedEvent("The event has no \"source\"; expected \"aws.events\" (full sync) or \"aws.lambda\" (CloudTrail API call).");
        }

        if (sourceElement.ValueKind != JsonValueKind.String || sourceElement.GetString() is not { Length: > 0 } source)
        {
            return new RejectedEvent($"The event's \"source\" is a JSON {Kind(sourceElement)}; expected a non-empty string such as \"aws.events\" or \"aws.lambda\".");
        }

        if (source == "aws.events")
        {
            var detailType = OptionalString(root, "detail-type") ?? "event";
            var rule = root.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
                && resources.GetArrayLength() > 0 && resources[0].ValueKind == JsonValueKind.String
                ? " from " + resources[0].GetString()
                : string.Empty;
            return new FullSync($"{detailType} (source aws.events){rule}");
        }

        if (source != "aws.lambda")
        {
            return new IgnoredEvent($"Events from source \"{Shorten(source)}\" are not handled; only aws.events (full sync) and aws.lambda (CloudTrail API calls) are.");
        }

        if (root.TryGetProperty("detail-type", out var detailTypeElement))
        {
            if (detailTypeElement.ValueKind != JsonValueKind.String)
            {
                return new RejectedEvent($"The aws.lambda event's \"detail-type\" is a JSON {Kind(detailTypeElement)}; expected \"{CloudTrailDetailType}\".");
            }

            var detailTypeValue = detailTypeElement.GetString();
            if (detailTypeValue != CloudTrailDetailType)
            {
                return new IgnoredEvent($"aws.lambda events with detail-type \"{Shorten(detailTypeValue ?? string.Empty)}\" are not handled; only \"{CloudTrailDetailType}\" is.");
            }
        }

        if (!root.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return new RejectedEvent("The aws.lambda event has no \"detail\" object; expected the CloudTrail record with eventName, requestParameters and responseElements.");
        }

        if (!detail.TryGetProperty("eventName", out var eventNameElement) || eventNameElement.ValueKind != JsonValueKind.String
            || eventNameElement.GetString() is not { Length: > 0 } eventName)
        {
            return new RejectedEvent("The aws.lambda event has no string \"detail.eventName\"; expected a Lambda API name such as TagResource20170331v2.");
        }

        if (detail.TryGetProperty("errorCode", out var errorCode) && errorCode.ValueKind != JsonValueKind.Null)
        {
            var code = errorCode.ValueKind == JsonValueKind.String ? errorCode.GetString() : errorCode.GetRawText();
            if (!string.IsNullOrEmpty(code))
            {
                return new IgnoredEvent($"{Shorten(eventName)} failed with {Shorten(code)}; the call changed nothing.");
            }
        }

        var eventSource = OptionalString(detail, "eventSource");
        if (eventSource is not null && eventSource != "lambda.amazonaws.com")
        {
            return new IgnoredEvent($"{Shorten(eventName)} came from eventSource \"{Shorten(eventSource)}\"; only lambda.amazonaws.com is handled.");
        }

        var match = EventNameRegex().Match(eventName);
        var apiCall = match.Success ? match.Groups["api"].Value : null;
        return apiCall switch
        {
            "CreateFunction" or "UpdateFunctionConfiguration" =>
                FromFunctionConfiguration(root, detail, eventName, apiCall, context),
            "DeleteFunction" =>
                FromDeletedFunction(root, detail, eventName, apiCall, context),
            "TagResource" or "UntagResource" =>
                FromTaggedResource(root, detail, eventName, apiCall, context),
            "CreateAlias" or "UpdateAlias" or "DeleteAlias" =>
                FromAlias(root, detail, eventName, apiCall, context),
            _ => new IgnoredEvent($"{Shorten(eventName)} does not change what is registered; handled calls are CreateFunction, UpdateFunctionConfiguration, DeleteFunction, TagResource, UntagResource, CreateAlias, UpdateAlias and DeleteAlias."),
        };
    }

    // CreateFunction and UpdateFunctionConfiguration: AWS's answer (responseElements.functionArn, a full ARN) names the
    // function exactly, but CloudTrail does not always record it: responseElements can be null, hold only what changed
    // (an UpdateFunctionConfiguration of layers records just "layers"), or be {"omitted": true} when it was too large.
    // requestParameters.functionName (a name, a full ARN or a partial ARN, as the caller passed it) names it then.
    private static Trigger FromFunctionConfiguration(JsonElement root, JsonElement detail, string eventName, string apiCall, TriggerContext? context)
    {
        var response = ReadField(detail, "responseElements", "functionArn");
        if (response.Kind == FieldKind.Present)
        {
            return FromIdentifier(root, eventName, apiCall, "responseElements", "functionArn", response.Value!, null, context);
        }

        if (response.Kind == FieldKind.Malformed)
        {
            return MalformedField(eventName, "responseElements", "functionArn");
        }

        var request = ReadField(detail, "requestParameters", "functionName");
        if (request.Kind == FieldKind.Present)
        {
            return FromIdentifier(root, eventName, apiCall, "requestParameters", "functionName", request.Value!, null, context);
        }

        if (request.Kind == FieldKind.Malformed)
        {
            return MalformedField(eventName, "requestParameters", "functionName");
        }

        if (response.Kind == FieldKind.Omitted || request.Kind == FieldKind.Omitted)
        {
            return Truncated(eventName, response.Kind == FieldKind.Omitted ? "responseElements" : "requestParameters");
        }

        return new RejectedEvent(
            $"{eventName}: neither detail.responseElements.functionArn nor detail.requestParameters.functionName names the function; "
            + "expected a function ARN in the first or a function name, partial ARN or ARN in the second.");
    }

    private static Trigger FromDeletedFunction(JsonElement root, JsonElement detail, string eventName, string apiCall, TriggerContext? context)
    {
        if (!TryRequire(detail, "requestParameters", "functionName", eventName, out var value, out var notNamed))
        {
            return notNamed;
        }

        // DeleteFunction with a separate Qualifier deletes one version; the function may still exist (re-read it).
        var qualifier = OptionalString(detail.GetProperty("requestParameters"), "qualifier");
        return FromIdentifier(root, eventName, apiCall, "requestParameters", "functionName", value, qualifier, context);
    }

    private static Trigger FromIdentifier(
        JsonElement root, string eventName, string apiCall, string parent, string field, string value, string? qualifier, TriggerContext? context)
    {
        if (!LambdaArn.TryParse(value, out var arn, out var error))
        {
            return new RejectedEvent($"{eventName}: detail.{parent}.{field} is not a function: {error}.");
        }

        return Targeted(root, arn, eventName, apiCall, arn.Qualifier ?? qualifier, context);
    }

    private static Trigger FromTaggedResource(JsonElement root, JsonElement detail, string eventName, string apiCall, TriggerContext? context)
    {
        if (!TryRequire(detail, "requestParameters", "resource", eventName, out var resource, out var notNamed))
        {
            return notNamed;
        }

        var parts = resource.Split(':');
        if (parts.Length >= 6 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] != "function")
        {
            return new IgnoredEvent($"{eventName} on {Shorten(resource)}: tags on a Lambda {Shorten(parts[5])} do not affect registrations; only function tags do.");
        }

        if (parts.Length < 2 || parts[0] != "arn")
        {
            return new RejectedEvent($"{eventName}: detail.requestParameters.resource \"{Shorten(resource)}\" is not an ARN; expected arn:<partition>:lambda:<region>:<account>:function:<name>.");
        }

        if (parts.Length >= 3 && parts[2] != "lambda")
        {
            return new IgnoredEvent($"{eventName} on {Shorten(resource)}: not a Lambda resource.");
        }

        if (!LambdaArn.TryParse(resource, out var arn, out var error))
        {
            return new RejectedEvent($"{eventName}: detail.requestParameters.resource is not a function ARN: {error}.");
        }

        return Targeted(root, arn, eventName, apiCall, arn.Qualifier, context);
    }

    private static Trigger FromAlias(JsonElement root, JsonElement detail, string eventName, string apiCall, TriggerContext? context)
    {
        if (!TryRequire(detail, "requestParameters", "functionName", eventName, out var function, out var notNamed))
        {
            return notNamed;
        }

        if (!TryRequire(detail, "requestParameters", "name", eventName, out var alias, out notNamed))
        {
            return notNamed;
        }

        if (!LambdaArn.TryParse(function, out var arn, out var error))
        {
            return new RejectedEvent($"{eventName}: detail.requestParameters.functionName is not a function: {error}.");
        }

        if (!LambdaNames.IsValidAliasName(alias))
        {
            return new RejectedEvent($"{eventName}: detail.requestParameters.name \"{Shorten(alias)}\" is not an alias name (1-128 of a-z, A-Z, 0-9, '-', '_', not only digits).");
        }

        return Targeted(root, arn, eventName, apiCall, alias, context);
    }

    private static Trigger Targeted(JsonElement root, LambdaArn arn, string eventName, string apiCall, string? alias, TriggerContext? context)
    {
        var function = arn.Unqualified;
        var account = OptionalString(root, "account") ?? context?.AccountId;
        var region = OptionalString(root, "region") ?? context?.Region;
        if (account is not null && region is not null)
        {
            function = function.Complete(account, region);
        }

        // Why the envelope: a member account's rule forwards its events to the central bus unchanged, so "account"
        // and "region" say where the function lives, and they select the source that handles it.
        if (context is { Sources.Count: > 0 })
        {
            return SourceResolution.SourceOf(context.Sources, function, out var notASource) is { } source
                ? new TargetedSync(function, eventName, apiCall, alias) { Source = source }
                : new IgnoredEvent($"{eventName} is about {function} {notASource}.");
        }

        if (context is not null && Source.Mismatch(context.AccountId, context.Region, function) is { } mismatch)
        {
            return new IgnoredEvent($"{eventName} is about {function} {mismatch}.");
        }

        return new TargetedSync(function, eventName, apiCall, alias);
    }

    // A field every event of its kind carries: a missing one is malformed input, unless CloudTrail omitted its object.
    private static bool TryRequire(
        JsonElement detail, string parent, string field, string eventName, out string value, [NotNullWhen(false)] out Trigger? notNamed)
    {
        var read = ReadField(detail, parent, field);
        value = read.Value ?? string.Empty;
        notNamed = read.Kind switch
        {
            FieldKind.Present => null,
            FieldKind.Omitted => Truncated(eventName, parent),
            FieldKind.NoObject => new RejectedEvent($"{eventName}: the event has no detail.{parent} object, which must hold \"{field}\"."),
            _ => MalformedField(eventName, parent, field),
        };
        return read.Kind == FieldKind.Present;
    }

    private static FieldRead ReadField(JsonElement detail, string parent, string field)
    {
        if (!detail.TryGetProperty(parent, out var container) || container.ValueKind != JsonValueKind.Object)
        {
            return new FieldRead(FieldKind.NoObject, null);
        }

        if (container.TryGetProperty(field, out var element) && element.ValueKind != JsonValueKind.Null)
        {
            return element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text
                ? new FieldRead(FieldKind.Present, text)
                : new FieldRead(FieldKind.Malformed, null);
        }

        // CloudTrail truncates a field whose content exceeds its size limit and marks it with "omitted": true.
        return container.TryGetProperty("omitted", out var omitted) && omitted.ValueKind == JsonValueKind.True
            ? new FieldRead(FieldKind.Omitted, null)
            : new FieldRead(FieldKind.Absent, null);
    }

    private static RejectedEvent MalformedField(string eventName, string parent, string field) =>
        new($"{eventName}: detail.{parent}.{field} is missing or not a non-empty string; it must name the function.");

    // Retrying cannot bring the name back, so this is not a failure: the scheduled full sync reconciles the function.
    private static IgnoredEvent Truncated(string eventName, string parent) =>
        new($"{eventName}: CloudTrail omitted detail.{parent} (\"omitted\": true, the record was too large), so the event does not say which function changed; the next full sync reconciles it.");

    private static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        _ => "value",
    };

    // Hostile input must not blow up log lines: quote at most 200 characters of any value.
    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "...");

    [GeneratedRegex(@"^(?<api>[A-Za-z]+?)(?<version>\d{8}(v\d+)?)?$")]
    private static partial Regex EventNameRegex();

    // What detail.<parent>.<field> holds: no <parent> object, a non-empty string, another value, nothing, or nothing
    // because CloudTrail truncated <parent>.
    private enum FieldKind
    {
        NoObject,
        Present,
        Malformed,
        Absent,
        Omitted,
    }

    private readonly record struct FieldRead(FieldKind Kind, string? Value);
}
