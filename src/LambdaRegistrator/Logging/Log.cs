using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Logging;

/// <summary>Every log line the shell writes, source-generated. None of them carries the ACL token, a CA or a private key.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Registrator ready: inventory {Strategy}, node {NodeName}, token from SSM {TokenFromSsm}, CA from SSM {CaFromSsm}", EventName = "Initialized")]
    public static partial void Initialized(ILogger logger, string strategy, string nodeName, bool tokenFromSsm, bool caFromSsm);

    [LoggerMessage(2, LogLevel.Information, "Event classified as {Trigger}: {Detail}", EventName = "EventClassified")]
    public static partial void EventClassified(ILogger logger, string trigger, string detail);

    [LoggerMessage(3, LogLevel.Information, "Event ignored: {Reason}", EventName = "EventIgnored")]
    public static partial void EventIgnored(ILogger logger, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Event rejected: {Reason}", EventName = "EventRejected")]
    public static partial void EventRejected(ILogger logger, string reason);

    /// <summary>The summary is written as a nested JSON object under <c>summary</c> (metric filters read <c>$.summary.failed</c>).</summary>
    [LoggerMessage(5, LogLevel.Information, "Sync finished: {summary}", EventName = "SyncFinished")]
    public static partial void SyncFinished(ILogger logger, SyncSummary summary);

    [LoggerMessage(10, LogLevel.Information, "Inventory ({Strategy}) read {Count} function(s); complete {Complete}", EventName = "InventoryRead")]
    public static partial void InventoryRead(ILogger logger, string strategy, int count, bool complete);

    [LoggerMessage(11, LogLevel.Warning, "AWS {Operation} for {Resource} failed: {Error}", EventName = "AwsReadFailed")]
    public static partial void AwsReadFailed(ILogger logger, string operation, string resource, string error);

    [LoggerMessage(12, LogLevel.Debug, "Function {Function} does not exist", EventName = "FunctionGone")]
    public static partial void FunctionGone(ILogger logger, string function);

    [LoggerMessage(13, LogLevel.Warning, "Skipped listed resource {ResourceArn}: not an unqualified function ARN", EventName = "SkippedResource")]
    public static partial void SkippedResource(ILogger logger, string resourceArn);

    [LoggerMessage(53, LogLevel.Warning, "Skipped listed function {FunctionArn}: it is not in this registrator's account {AccountId} and region {Region}", EventName = "SkippedForeignFunction")]
    public static partial void SkippedForeignFunction(ILogger logger, string functionArn, string accountId, string region);

    [LoggerMessage(14, LogLevel.Debug, "Confirmed {Count} changed function(s) with Lambda; {Gone} no longer exist", EventName = "Confirmed")]
    public static partial void Confirmed(ILogger logger, int count, int gone);

    [LoggerMessage(20, LogLevel.Debug, "Read {Scope}: {Services} service(s) on the node, {Entries} config entries", EventName = "ScopeRead")]
    public static partial void ScopeRead(ILogger logger, string scope, int services, int entries);

    [LoggerMessage(21, LogLevel.Warning, "Consul read of {Scope} failed: {Error}", EventName = "ConsulReadFailed")]
    public static partial void ConsulReadFailed(ILogger logger, string scope, string error);

    [LoggerMessage(22, LogLevel.Debug, "Consul agent datacenter is {Datacenter}", EventName = "LearnedDatacenter")]
    public static partial void LearnedDatacenter(ILogger logger, string datacenter);

    [LoggerMessage(23, LogLevel.Information, "Consul primary datacenter is {Primary} ({How}); datacenters read: {Datacenters}", EventName = "LearnedPrimaryDatacenter")]
    public static partial void LearnedPrimaryDatacenter(ILogger logger, string primary, string how, string datacenters);

    [LoggerMessage(24, LogLevel.Warning, "{Message}", EventName = "FederationUnknown")]
    public static partial void FederationUnknown(ILogger logger, string message);

    [LoggerMessage(30, LogLevel.Information, "Planned {Trigger}: {Actions} action(s), {Problems} problem(s), {Unchanged} unchanged service(s)", EventName = "Planned")]
    public static partial void Planned(ILogger logger, string trigger, int actions, int problems, int unchanged);

    [LoggerMessage(31, LogLevel.Trace, "Plan action: {Action}", EventName = "PlannedAction")]
    public static partial void PlannedAction(ILogger logger, string action);

    [LoggerMessage(32, LogLevel.Warning, "{Kind}: {Message}", EventName = "Problem")]
    public static partial void Problem(ILogger logger, string kind, string message);

    [LoggerMessage(40, LogLevel.Information, "{Kind} {Service} done: {Reason}", EventName = "ActionDone")]
    public static partial void ActionDone(ILogger logger, string kind, string service, string reason);

    [LoggerMessage(41, LogLevel.Error, "{Kind} {Service} failed: {Error}", EventName = "ActionFailed")]
    public static partial void ActionFailed(ILogger logger, string kind, string service, string error);

    [LoggerMessage(42, LogLevel.Warning, "{Kind} {Service} skipped: the deadline was reached", EventName = "ActionSkipped")]
    public static partial void ActionSkipped(ILogger logger, string kind, string service);

    [LoggerMessage(43, LogLevel.Information, "Lost the check-and-set race on {Service} (attempt {Attempt}); re-reading and re-planning it", EventName = "CasLost")]
    public static partial void CasLost(ILogger logger, string service, int attempt);

    [LoggerMessage(44, LogLevel.Warning, "The deadline was reached during {Trigger} before any write; nothing was written", EventName = "DeadlineBeforeWrites")]
    public static partial void DeadlineBeforeWrites(ILogger logger, string trigger);

    [LoggerMessage(60, LogLevel.Debug, "{Request} attempt {Attempt} failed ({Reason}); retrying in {Delay}", EventName = "Retrying")]
    public static partial void Retrying(ILogger logger, string request, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(50, LogLevel.Information, "Mesh identity written to {Path} (tier {Tier}, leaf valid before {ValidBefore})", EventName = "ExtensionDataWritten")]
    public static partial void ExtensionDataWritten(ILogger logger, string path, string tier, DateTimeOffset validBefore);

    [LoggerMessage(51, LogLevel.Information, "Mesh identity {Path} deleted (existed {Existed})", EventName = "ExtensionDataDeleted")]
    public static partial void ExtensionDataDeleted(ILogger logger, string path, bool existed);

    [LoggerMessage(52, LogLevel.Error, "Mesh identity {Path} failed: {Error}", EventName = "ExtensionDataFailed")]
    public static partial void ExtensionDataFailed(ILogger logger, string path, string error);

    [LoggerMessage(70, LogLevel.Error, "Source {Source} failed: {Error}; nothing of it was deregistered, the other sources were synced", EventName = "SourceFailed")]
    public static partial void SourceFailed(ILogger logger, string source, string error);

    [LoggerMessage(71, LogLevel.Information, "Full sync of {Count} source(s), at most {Concurrency} at once", EventName = "SourcesSyncing")]
    public static partial void SourcesSyncing(ILogger logger, int count, int concurrency);
}
