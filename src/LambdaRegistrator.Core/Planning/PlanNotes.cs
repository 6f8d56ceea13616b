using System.Globalization;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// Why a plan has nothing to do, when neither its actions nor its problems say it: a summary of all zeros must still
/// tell the user what the registrator made of the function (or of the inventory).
/// </summary>
internal static class PlanNotes
{
    /// <summary>The note of a plan with no actions and no problems; null when there are some.</summary>
    public static string? NothingToDo(PlanContext context)
    {
        if (context.Actions.Count > 0 || context.Problems.Count > 0)
        {
            return null;
        }

        var desired = context.Desired;
        if (desired.Target is not { } target)
        {
            if (context.Unchanged > 0)
            {
                return null;
            }

            var listed = desired.Functions.Count.ToString(CultureInfo.InvariantCulture);
            return $"none of the {listed} listed function(s) is enabled (tag {LambdaTags.Enabled}=true) and this registrator has no services in Consul; nothing to register.";
        }

        if (desired.DeregisterRequested)
        {
            return $"this registrator has no services of {target} in Consul (on node {context.Options.NodeName}); nothing to deregister.";
        }

        if (!context.Functions.TryGetValue(target, out var state))
        {
            return $"{target} does not exist in AWS and this registrator has no services of it in Consul; nothing to do.";
        }

        return state.Status switch
        {
            FunctionStatus.NotEnabled when state.HasNoEnabledTag =>
                $"{target} has no registrator tags (no {LambdaTags.Enabled} tag), so it is not registered, and this registrator has no services of it in Consul; tag it {LambdaTags.Enabled}=true to register it.",
            FunctionStatus.NotEnabled =>
                $"{target} is not enabled (its {LambdaTags.Enabled} tag is not true) and this registrator has no services of it in Consul; nothing to do.",
            FunctionStatus.Enabled when context.Unchanged > 0 =>
                $"{target} is registered as its tags ask ({context.Unchanged.ToString(CultureInfo.InvariantCulture)} service(s) unchanged); nothing to do.",
            _ => null,
        };
    }
}
