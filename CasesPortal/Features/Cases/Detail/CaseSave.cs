using CasesPortal.Features.Cases.Services;
using CasesPortal.Features.Common;

namespace CasesPortal.Features.Cases.Detail;

/// <summary>
/// Saves changes to the case shown through <see cref="CaseService"/>, with the version the caller saw.
/// Returns why it was refused, or null when saved.
/// </summary>
public delegate Task<ServiceError?> CaseSave(CaseChanges changes);
