using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LambdaRegistrator.ConsulSimulator.Filtering;

/// <summary>
/// A compiled go-bexpr <c>filter</c> (the subset the registrator and its tests use): <c>==</c>, <c>!=</c>,
/// <c>in</c>/<c>not in</c>, <c>contains</c>/<c>not contains</c>, <c>matches</c>, <c>is empty</c>/<c>is not empty</c>,
/// <c>and</c>/<c>or</c>/<c>not</c>, parentheses; selectors like <c>ServiceTags</c>, <c>ServiceMeta.owner</c> or
/// <c>Meta["k"]</c>, evaluated against the JSON shape of the listed object.
/// </summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(JsonObject target);

    /// <summary>Compiles <paramref name="text"/>; selectors must start with one of <paramref name="fields"/>.</summary>
    public static FilterExpression Compile(string text, IReadOnlyCollection<string> fields) => new FilterParser(text, fields).Parse();

    internal sealed class And(FilterExpression left, FilterExpression right) : FilterExpression
    {
        public override bool Matches(JsonObject target) => left.Matches(target) && right.Matches(target);
    }

    internal sealed class Or(FilterExpression left, FilterExpression right) : FilterExpression
    {
        public override bool Matches(JsonObject target) => left.Matches(target) || right.Matches(target);
    }

    internal sealed class Not(FilterExpression inner) : FilterExpression
    {
        public override bool Matches(JsonObject target) => !inner.Matches(target);
    }

    internal enum Operator
    {
        Equal,
        NotEqual,
        In,
        NotIn,
        IsEmpty,
        IsNotEmpty,
        Matches,
        NotMatches,
    }

    /// <summary>One comparison of a selected value; <c>contains</c> is stored as <c>in</c> with swapped operands.</summary>
    internal sealed class Match(IReadOnlyList<string> selector, Operator op, string? value, Regex? regex) : FilterExpression
    {
        public override bool Matches(JsonObject target)
        {
            var selected = Select(target);
            return op switch
            {
                Operator.Equal => EqualsValue(selected),
                Operator.NotEqual => !EqualsValue(selected),
                Operator.In => Contains(selected),
                Operator.NotIn => !Contains(selected),
                Operator.IsEmpty => IsEmpty(selected),
                Operator.IsNotEmpty => !IsEmpty(selected),
                Operator.Matches => selected is JsonValue v && v.GetValueKind() == JsonValueKind.String && regex!.IsMatch(v.GetValue<string>()),
                Operator.NotMatches => !(selected is JsonValue w && w.GetValueKind() == JsonValueKind.String && regex!.IsMatch(w.GetValue<string>())),
                _ => false,
            };
        }

        private JsonNode? Select(JsonObject target)
        {
            JsonNode? current = target;
            for (var i = 0; i < selector.Count; i++)
            {
                if (current is not JsonObject obj)
                {
                    return null;
                }

                var name = selector[i];
                current = obj.TryGetPropertyValue(name, out var exact) ? exact
                    : i == 0 ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value
                    : null;
            }

            return current;
        }

        private bool EqualsValue(JsonNode? selected)
        {
            if (selected is not JsonValue scalar)
            {
                return false;
            }

            return scalar.GetValueKind() switch
            {
                JsonValueKind.String => string.Equals(scalar.GetValue<string>(), value, StringComparison.Ordinal),
                JsonValueKind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                                        && Math.Abs(scalar.GetValue<double>() - number) < double.Epsilon,
                JsonValueKind.True => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase),
                JsonValueKind.False => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }

        private bool Contains(JsonNode? selected) => selected switch
        {
            JsonArray array => array.Any(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String
                                                 && string.Equals(v.GetValue<string>(), value, StringComparison.Ordinal)),
            JsonObject map => map.ContainsKey(value!),
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>().Contains(value!, StringComparison.Ordinal),
            _ => false,
        };

        private static bool IsEmpty(JsonNode? selected) => selected switch
        {
            null => true,
            JsonArray array => array.Count == 0,
            JsonObject map => map.Count == 0,
            JsonValue s when s.GetValueKind() == JsonValueKind.String => s.GetValue<string>().Length == 0,
            _ => false,
        };
    }
}
