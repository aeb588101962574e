#include "model/Spend.h"

namespace SpendBooks {

QString basisId(Basis basis)
{
    switch (basis) {
    case Basis::Billed:
        return QStringLiteral("billed");
    case Basis::ListPrice:
        return QStringLiteral("list_price");
    case Basis::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString ownerId(KeyOwner::Kind kind)
{
    switch (kind) {
    case KeyOwner::Kind::Install:
        return QStringLiteral("install");
    case KeyOwner::Kind::Tenant:
        return QStringLiteral("tenant");
    case KeyOwner::Kind::Other:
        return QStringLiteral("other");
    case KeyOwner::Kind::Unnamed:
        return QStringLiteral("unnamed");
    case KeyOwner::Kind::Organisation:
        return QStringLiteral("organisation");
    case KeyOwner::Kind::Ambiguous:
        break;
    }
    return QStringLiteral("ambiguous");
}

} // namespace SpendBooks
