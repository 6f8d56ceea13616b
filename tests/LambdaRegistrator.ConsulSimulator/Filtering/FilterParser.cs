using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LambdaRegistrator.ConsulSimulator.Filtering;

/// <summary>A recursive-descent parser for the go-bexpr grammar subset of <see cref="FilterExpression"/>.</summary>
internal sealed class FilterParser
{
    private readonly string _text;
    private readonly IReadOnlyCollection<string> _fields;
    private readonly List<(string Text, bool Quoted, int Offset)> _tokens = [];
    private int _next;

    public FilterParser(string text, IReadOnlyCollection<string> fields)
    {
        _text = text;
        _fields = fields;
        Tokenize();
    }

    public FilterExpression Parse()
    {
        var expression = ParseOr();
        if (_next < _tokens.Count)
        {
            throw Error($"unexpected \"{_tokens[_next].Text}\"");
        }

        return expression;
    }

    private FilterSyntaxException Error(string what)
    {
        var offset = _next < _tokens.Count ? _tokens[_next].Offset : _text.Length;
        return new FilterSyntaxException(string.Create(CultureInfo.InvariantCulture, $"1:{offset + 1} ({offset}): {what}"));
    }

    private bool PeekKeyword(string keyword, int ahead = 0) =>
        _next + ahead < _tokens.Count && !_tokens[_next + ahead].Quoted
                                      && string.Equals(_tokens[_next + ahead].Text, keyword, StringComparison.Ordinal);

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (PeekKeyword("or"))
        {
            _next++;
            left = new FilterExpression.Or(left, ParseAnd());
        }

        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseNot();
        while (PeekKeyword("and"))
        {
            _next++;
            left = new FilterExpression.And(left, ParseNot());
        }

        return left;
    }

    private FilterExpression ParseNot()
    {
        if (PeekKeyword("not"))
        {
            _next++;
            return new FilterExpression.Not(ParseNot());
        }

        if (PeekKeyword("("))
        {
            _next++;
            var inner = ParseOr();
            if (!PeekKeyword(")"))
            {
                throw Error("no match found, expected: \")\"");
            }

            _next++;
            return inner;
        }

        return ParseMatch();
    }

    private string TakeValue()
    {
        if (_next >= _tokens.Count)
        {
            throw Error("no match found, expected a value");
        }

        var token = _tokens[_next];
        if (!token.Quoted && token.Text is "(" or ")" or "==" or "!=" or "and" or "or" or "not" or "in" or "contains")
        {
            throw Error($"no match found, expected a value but found \"{token.Text}\"");
        }

        _next++;
        return token.Text;
    }

    private List<string> TakeSelector()
    {
        if (_next >= _tokens.Count || _tokens[_next].Quoted)
        {
            throw Error("no match found, expected a selector");
        }

        var text = _tokens[_next].Text;
        var parts = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                i++;
                continue;
            }

            if (text[i] == '[')
            {
                var end = text.IndexOf(']', i);
                if (end < 0)
                {
                    throw Error($"invalid selector \"{text}\"");
                }

                parts.Add(text[(i + 1)..end].Trim('"', '`'));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < text.Length && text[i] is not ('.' or '['))
            {
                i++;
            }

            parts.Add(text[start..i]);
        }

        if (parts.Count == 0 || !_fields.Contains(parts[0], StringComparer.OrdinalIgnoreCase))
        {
            throw new FilterSyntaxException($"Selector \"{text}\" is not valid");
        }

        _next++;
        return parts;
    }

    private FilterExpression.Match ParseMatch()
    {
        // value [not] in Selector
        if (_next + 1 < _tokens.Count && (PeekKeyword("in", 1) || (PeekKeyword("not", 1) && PeekKeyword("in", 2))))
        {
            var value = TakeValue();
            var negate = PeekKeyword("not");
            _next += negate ? 2 : 1;
            var selector = TakeSelector();
            return new FilterExpression.Match(selector, negate ? FilterExpression.Operator.NotIn : FilterExpression.Operator.In, value, null);
        }

        var sel = TakeSelector();
        if (PeekKeyword("=="))
        {
            _next++;
            return new FilterExpression.Match(sel, FilterExpression.Operator.Equal, TakeValue(), null);
        }

        if (PeekKeyword("!="))
        {
            _next++;
            return new FilterExpression.Match(sel, FilterExpression.Operator.NotEqual, TakeValue(), null);
        }

        if (PeekKeyword("is"))
        {
            _next++;
            var negate = PeekKeyword("not");
            if (negate)
            {
                _next++;
            }

            if (!PeekKeyword("empty"))
            {
                throw Error("no match found, expected: \"empty\"");
            }

            _next++;
            return new FilterExpression.Match(sel, negate ? FilterExpression.Operator.IsNotEmpty : FilterExpression.Operator.IsEmpty, null, null);
        }

        var not = PeekKeyword("not");
        if (not)
        {
            _next++;
        }

        if (PeekKeyword("contains"))
        {
            _next++;
            return new FilterExpression.Match(sel, not ? FilterExpression.Operator.NotIn : FilterExpression.Operator.In, TakeValue(), null);
        }

        if (PeekKeyword("matches"))
        {
            _next++;
            var pattern = TakeValue();
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new FilterSyntaxException($"Failed to compile regular expression \"{pattern}\": {e.Message}");
            }

            return new FilterExpression.Match(sel, not ? FilterExpression.Operator.NotMatches : FilterExpression.Operator.Matches, pattern, regex);
        }

        throw Error("no match found, expected: \"!=\", \"==\", \"contains\", \"is\", \"matches\" or \"not\"");
    }

    private void Tokenize()
    {
        var i = 0;
        while (i < _text.Length)
        {
            var c = _text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                _tokens.Add((c.ToString(), false, i));
                i++;
            }
            else if ((c is '=' or '!') && i + 1 < _text.Length && _text[i + 1] == '=')
            {
                _tokens.Add((_text.Substring(i, 2), false, i));
                i += 2;
            }
            else if (c is '"' or '`')
            {
                var start = i;
                var builder = new StringBuilder();
                i++;
                while (i < _text.Length && _text[i] != c)
                {
                    if (c == '"' && _text[i] == '\\' && i + 1 < _text.Length)
                    {
                        i++;
                    }

                    builder.Append(_text[i++]);
                }

                if (i >= _text.Length)
                {
                    _next = _tokens.Count;
                    throw new FilterSyntaxException(string.Create(CultureInfo.InvariantCulture, $"1:{start + 1} ({start}): unterminated string literal"));
                }

                i++;
                _tokens.Add((builder.ToString(), true, start));
            }
            else
            {
                var start = i;
                while (i < _text.Length && !char.IsWhiteSpace(_text[i]) && _text[i] is not ('(' or ')' or '"' or '`')
                       && !((_text[i] is '=' or '!') && i + 1 < _text.Length && _text[i + 1] == '='))
                {
                    if (_text[i] == '[')
                    {
                        var end = _text.IndexOf(']', i);
                        i = end < 0 ? _text.Length : end + 1;
                        continue;
                    }

                    i++;
                }

                if (start == i)
                {
                    throw new FilterSyntaxException(string.Create(CultureInfo.InvariantCulture, $"1:{start + 1} ({start}): no match found, unexpected \"{c}\""));
                }

                _tokens.Add((_text[start..i], false, start));
            }
        }

        if (_tokens.Count == 0)
        {
            throw new FilterSyntaxException("1:1 (0): no match found, expected: \"(\", \"not\" or a selector");
        }
    }
}
