#pragma once
// The guarded ramp's volumes in the evaluated window: one row per gateway (Vercel, then
// OpenRouter) with its requests, errors, error rate and how many more requests the plan needs
// before the gates can judge. DisplayRole is the page's text (the shared number formatter);
// ValueRole the raw number (counts as qulonglong, the error rate as a fraction).

#include "planner/ramp_gate.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw::app {

class RampVolumeModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Gateway, Requests, Errors, ErrorRate, MoreNeeded, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole;

    explicit RampVolumeModel(QObject *parent = nullptr);

    void setEvaluation(const gw::RampEvaluation &evaluation); // two rows
    void clear();
    int rowOf(gw::Gateway gateway) const; // -1 when empty

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        gw::Gateway gateway = gw::Gateway::Vercel;
        gw::RampGatewayStats stats;
        quint64 moreNeeded = 0;
    };
    QList<Row> m_rows;
};

} // namespace gw::app
