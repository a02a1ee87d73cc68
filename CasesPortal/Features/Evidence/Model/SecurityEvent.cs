namespace CasesPortal.Features.Evidence.Model;

/// <summary>A raw ECS event (process, network, authentication...) kept as evidence.</summary>
public sealed class SecurityEvent : EcsRecord;
