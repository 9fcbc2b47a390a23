from typing import Literal

QisPauliExpGatePaulisItem = Literal["I", "X", "Y", "Z"]

QIS_PAULI_EXP_GATE_PAULIS_ITEM_VALUES: set[QisPauliExpGatePaulisItem] = {
    "I",
    "X",
    "Y",
    "Z",
}


def check_qis_pauli_exp_gate_paulis_item(value: str) -> QisPauliExpGatePaulisItem:
    if value in QIS_PAULI_EXP_GATE_PAULIS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_PAULI_EXP_GATE_PAULIS_ITEM_VALUES!r}"
    )
