namespace CasesPortal.Features.Timelines.Query;

/// <summary>A parsed KQL expression.</summary>
public abstract record KqlNode;

public sealed record KqlAnd(KqlNode Left, KqlNode Right) : KqlNode;

public sealed record KqlOr(KqlNode Left, KqlNode Right) : KqlNode;

public sealed record KqlNot(KqlNode Inner) : KqlNode;

/// <summary><c>field:value</c>; <paramref name="Quoted"/> values never hold wildcards.</summary>
public sealed record KqlMatch(string Field, string Value, bool Quoted) : KqlNode
{
    public bool HasWildcard => !Quoted && Value.Contains('*');
}

/// <summary><c>field &gt;= value</c> and the other comparisons.</summary>
public sealed record KqlRange(string Field, string Operator, string Value) : KqlNode;

/// <summary><c>field:*</c>.</summary>
public sealed record KqlExists(string Field) : KqlNode;

/// <summary>A bare word or quoted phrase: full-text search over the message and the indexed text.</summary>
public sealed record KqlText(string Text, bool Quoted) : KqlNode;

/// <summary>A syntax error at a zero-based character position of the query.</summary>
public sealed record KqlError(string Message, int Position)
{
    public override string ToString() => $"{Message} (at character {Position + 1})";
}
