#pragma once
// The guarded ramp's gates as a table: one row per gate (error rate, TTFT p95, cost per Mtok)
// with both gateways' values, the limit it was judged against, the z-test for the error rate and
// the outcome. DisplayRole is the text the page shows (the shared number formatter); ValueRole
// holds the raw number behind a numeric cell (none where the cell is empty).

#include "planner/ramp_gate.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class RampGateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Gate, Vercel, OpenRouter, Allowed, Z, PValue, Outcome, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole; // double: fraction, ms, USD per Mtok, z, p

    explicit RampGateTableModel(QObject *parent = nullptr);

    void setGates(const QList<gw::RampGateResult> &gates); // replaces every row
    void clear();
    int rowOf(gw::RampGateResult::Gate gate) const; // -1 when the gate is not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant value(const gw::RampGateResult &g, int column) const;
    QString text(const gw::RampGateResult &g, int column) const;

    QList<gw::RampGateResult> m_gates;
};

} // namespace gw::app
