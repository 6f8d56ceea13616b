using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Core.Confirmation;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Inventory;

/// <summary>Reads single functions from Lambda: GetFunction (configuration and tags), plus ListAliases when the tags ask for aliases.</summary>
internal sealed class FunctionReader(ILambdaApi lambda, bool enterprise, ILogger logger)
{
    /// <summary>GetFunction, then (when <paramref name="includeAliases"/>) ListAliases if the function is enabled with an aliases tag.</summary>
    public async Task<FunctionRead> ReadAsync(LambdaArn function, bool includeAliases, CancellationToken cancellationToken)
    {
        FunctionDetails? details;
        try
        {
            details = await lambda.GetFunctionAsync(function.ToString(), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception)
        {
            Log.AwsReadFailed(logger, "GetFunction", function.ToString(), exception.Message);
            return new FunctionRead(function, null, $"GetFunction {function} failed: {exception.Message}");
        }

        if (details is null)
        {
            Log.FunctionGone(logger, function.ToString());
            return new FunctionRead(function, null, null);
        }

        if (!LambdaArn.TryParse(details.Configuration.FunctionArn, out var arn, out var parseError) || !arn.IsFullArn)
        {
            return new FunctionRead(function, null, $"GetFunction {function} returned FunctionArn \"{details.Configuration.FunctionArn}\", which is not a function ARN ({parseError}).");
        }

        arn = arn.Unqualified;
        if (!details.Tags.TryGetValues(out var tags))
        {
            var error = $"GetFunction {arn} returned no tags ({details.Tags.ErrorCode}: {details.Tags.ErrorMessage}); grant lambda:ListTags to the registrator's role.";
            Log.AwsReadFailed(logger, "GetFunction", arn.ToString(), error);
            return new FunctionRead(function, new FunctionInventoryEntry(arn, null), error);
        }

        var entry = new FunctionInventoryEntry(arn, tags);
        return includeAliases
            ? await WithAliasesAsync(entry, function, cancellationToken).ConfigureAwait(false)
            : new FunctionRead(function, entry, null);
    }

    /// <summary>
    /// Confirms one function of a full sync from <paramref name="start"/>, making the reads Core's
    /// <see cref="ConfirmationProgress"/> asks for (GetFunction with <c>Qualifier=&lt;alias&gt;</c> on the GetFunction quota
    /// while that is cheaper than ListAliases). Any failed read leaves the function unconfirmed: nothing of it is
    /// deregistered on a guess.
    /// </summary>
    public async Task<FunctionRead> ConfirmAsync(LambdaArn function, ConfirmationProgress start, CancellationToken cancellationToken)
    {
        var progress = start;
        var arn = function.Unqualified;
        while (progress.Next(enterprise) is { } next)
        {
            if (next.Kind == ConfirmationReadKind.ListAliases)
            {
                var read = await WithAliasesAsync(new FunctionInventoryEntry(arn, progress.Tags), function, cancellationToken).ConfigureAwait(false);
                if (read.Error is not null)
                {
                    return read;
                }

                progress = progress.AfterListAliases(read.Entry?.Aliases ?? []);
                continue;
            }

            FunctionDetails? details;
            try
            {
                details = await lambda.GetFunctionAsync(function.ToString(), next.Qualifier, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException exception)
            {
                Log.AwsReadFailed(logger, next.ToString(), function.ToString(), exception.Message);
                return new FunctionRead(function, progress.Tags is null ? null : new FunctionInventoryEntry(arn, null), $"{next} {function} failed: {exception.Message}");
            }

            if (details is null)
            {
                progress = progress.AfterGetFunction(next.Qualifier, null);
                continue;
            }

            if (!LambdaArn.TryParse(details.Configuration.FunctionArn, out var returned, out var parseError) || !returned.IsFullArn)
            {
                return new FunctionRead(function, null, $"{next} {function} returned FunctionArn \"{details.Configuration.FunctionArn}\", which is not a function ARN ({parseError}).");
            }

            arn = returned.Unqualified;
            if (!details.Tags.TryGetValues(out var tags))
            {
                var error = $"GetFunction {arn} returned no tags ({details.Tags.ErrorCode}: {details.Tags.ErrorMessage}); grant lambda:ListTags to the registrator's role.";
                Log.AwsReadFailed(logger, "GetFunction", arn.ToString(), error);
                return new FunctionRead(function, new FunctionInventoryEntry(arn, null), error);
            }

            progress = progress.AfterGetFunction(next.Qualifier, tags);
        }

        if (progress.IsGone)
        {
            Log.FunctionGone(logger, function.ToString());
            return new FunctionRead(function, null, null);
        }

        return new FunctionRead(function, new FunctionInventoryEntry(arn, progress.Tags, progress.Aliases(enterprise)), null);
    }

    /// <summary>Adds the function's existing aliases to <paramref name="entry"/> when its tags ask for aliases (ListAliases).</summary>
    public async Task<FunctionRead> WithAliasesAsync(FunctionInventoryEntry entry, LambdaArn requested, CancellationToken cancellationToken)
    {
        if (!WantsAliases(entry))
        {
            return new FunctionRead(requested, entry, null);
        }

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var alias in lambda.ListAliasesAsync(entry.FunctionArn.ToString(), cancellationToken).ConfigureAwait(false))
            {
                aliases.Add(alias.Name);
            }
        }
        catch (AwsServiceException exception)
        {
            Log.AwsReadFailed(logger, "ListAliases", entry.FunctionArn.ToString(), exception.Message);
            return new FunctionRead(requested, entry with { Tags = null, Aliases = null }, $"ListAliases {entry.FunctionArn} failed: {exception.Message}");
        }

        return new FunctionRead(requested, entry with { Aliases = aliases }, null);
    }

    /// <summary>True when the entry's tags enable it with at least one alias.</summary>
    public bool WantsAliases(FunctionInventoryEntry entry) =>
        entry.Tags is not null && FunctionTagParser.Parse(entry.Tags, enterprise) is EnabledTags { Registration.Aliases.Count: > 0 };
}
