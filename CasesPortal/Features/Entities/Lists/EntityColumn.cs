namespace CasesPortal.Features.Entities.Lists;

/// <summary>A column of an entity list: its header, and the sort it stands for when it can be sorted on.</summary>
public sealed record EntityColumn(string Label, EntitySort? Sort = null, bool Numeric = false);
