"""Contains all the data models used in inputs/outputs"""

from .aggregated_probabilities import AggregatedProbabilities
from .aggregation_artifact_descriptor import AggregationArtifactDescriptor
from .aggregations_output import AggregationsOutput
from .ansatz import Ansatz
from .artifact_descriptor import ArtifactDescriptor
from .backend import Backend
from .backend_name import BackendName
from .bad_request_error import BadRequestError
from .base_job import BaseJob
from .characterization import Characterization
from .characterization_page import CharacterizationPage
from .circuit_job_compilation_settings import CircuitJobCompilationSettings
from .circuit_job_create import CircuitJobCreate
from .circuit_job_error_mitigation_settings import CircuitJobErrorMitigationSettings
from .circuit_job_output import CircuitJobOutput
from .circuit_job_results import CircuitJobResults
from .circuit_job_settings import CircuitJobSettings
from .circuit_job_stats import CircuitJobStats
from .clone_job_payload import CloneJobPayload
from .compilation_output import CompilationOutput
from .compilation_output_compiled_circuits import CompilationOutputCompiledCircuits
from .compilation_settings import CompilationSettings
from .cost import Cost
from .cost_estimate import CostEstimate
from .debiasing_output import DebiasingOutput
from .error import Error
from .error_mitigation import ErrorMitigation
from .error_mitigation_output import ErrorMitigationOutput
from .estimate_context import EstimateContext
from .fidelity import Fidelity
from .fidelity_statistic import FidelityStatistic
from .format_schema import FormatSchema
from .gate_counts import GateCounts
from .generic_quantum_function_input import GenericQuantumFunctionInput
from .generic_quantum_function_input_data import GenericQuantumFunctionInputData
from .group_usage import GroupUsage
from .hamiltonian_energy_data import HamiltonianEnergyData
from .hamiltonian_energy_input import HamiltonianEnergyInput
from .hamiltonian_energy_input_data import HamiltonianEnergyInputData
from .hamiltonian_pauli_term import HamiltonianPauliTerm
from .histogram import Histogram
from .histogram_v2 import HistogramV2
from .job_canceled import JobCanceled
from .job_common import JobCommon
from .job_cost import JobCost
from .job_create_base import JobCreateBase
from .job_created import JobCreated
from .job_deleted import JobDeleted
from .job_failure import JobFailure
from .job_ids import JobIds
from .job_metadata import JobMetadata
from .job_page import JobPage
from .job_settings import JobSettings
from .job_status import JobStatus
from .job_type import JobType
from .job_update import JobUpdate
from .jobs_canceled import JobsCanceled
from .jobs_deleted import JobsDeleted
from .json_object import JsonObject
from .linear_constraint import LinearConstraint
from .metadata import Metadata
from .multi_circuit_input import MultiCircuitInput
from .multi_circuit_input_gateset import MultiCircuitInputGateset
from .multi_circuit_job import MultiCircuitJob
from .multi_circuit_job_create import MultiCircuitJobCreate
from .native_circuit_entry import NativeCircuitEntry
from .native_circuit_input import NativeCircuitInput
from .native_gpi_gate import NativeGpiGate
from .native_gpi_gate_gate import NativeGpiGateGate
from .native_ms_gate import NativeMsGate
from .native_ms_gate_gate import NativeMsGateGate
from .native_nop_gate import NativeNopGate
from .native_nop_gate_gate import NativeNopGateGate
from .native_zz_gate import NativeZzGate
from .native_zz_gate_gate import NativeZzGateGate
from .native_zz_gate_phase import NativeZzGatePhase
from .native_zz_gate_phase_gate import NativeZzGatePhaseGate
from .noise import Noise
from .probabilities import Probabilities
from .probabilities_v2 import ProbabilitiesV2
from .qaoa_external_settings import QaoaExternalSettings
from .qaoa_input import QaoaInput
from .qaoa_input_problem import QaoaInputProblem
from .qaoa_input_problem_type import QaoaInputProblemType
from .qaoa_job import QaoaJob
from .qaoa_job_create import QaoaJobCreate
from .qaoa_job_results import QaoaJobResults
from .qaoa_results import QaoaResults
from .qasm_3_input import Qasm3Input
from .qasm_3_job_create import Qasm3JobCreate
from .qis_circuit_entry import QisCircuitEntry
from .qis_circuit_input import QisCircuitInput
from .qis_fixed_gate import QisFixedGate
from .qis_fixed_gate_gate import QisFixedGateGate
from .qis_pair_rotation_gate import QisPairRotationGate
from .qis_pair_rotation_gate_gate import QisPairRotationGateGate
from .qis_pauli_exp_gate import QisPauliExpGate
from .qis_pauli_exp_gate_gate import QisPauliExpGateGate
from .qis_pauli_exp_gate_paulis_item import QisPauliExpGatePaulisItem
from .qis_rotation_gate import QisRotationGate
from .qis_rotation_gate_gate import QisRotationGateGate
from .qis_swap_gate import QisSwapGate
from .qis_swap_gate_gate import QisSwapGateGate
from .quadratic_constraint import QuadraticConstraint
from .quantum_function_job import QuantumFunctionJob
from .quantum_function_job_create import QuantumFunctionJobCreate
from .quantum_function_job_results import QuantumFunctionJobResults
from .quantum_function_job_settings import QuantumFunctionJobSettings
from .rate_card import RateCard
from .rate_card_entry import RateCardEntry
from .register_distribution import RegisterDistribution
from .registered_histogram import RegisteredHistogram
from .registered_histogram_registers import RegisteredHistogramRegisters
from .registered_probabilities import RegisteredProbabilities
from .registered_probabilities_registers import RegisteredProbabilitiesRegisters
from .registers import Registers
from .request_validation import RequestValidation
from .result_format import ResultFormat
from .result_link import ResultLink
from .session import Session
from .session_cost_limit import SessionCostLimit
from .session_create import SessionCreate
from .session_list import SessionList
from .session_settings import SessionSettings
from .session_settings_request import SessionSettingsRequest
from .shot_result import ShotResult
from .shot_result_registers import ShotResultRegisters
from .shots_v2 import ShotsV2
from .single_circuit_job import SingleCircuitJob
from .single_circuit_job_type import SingleCircuitJobType
from .spam_fidelity import SpamFidelity
from .symmetry_verification_output import SymmetryVerificationOutput
from .timing import Timing
from .usage import Usage
from .usage_amount import UsageAmount
from .usage_group_by import UsageGroupBy
from .usage_modality import UsageModality
from .usages import Usages
from .variant_info import VariantInfo
from .variant_results import VariantResults
from .whoami import Whoami

__all__ = (
    "AggregatedProbabilities",
    "AggregationArtifactDescriptor",
    "AggregationsOutput",
    "Ansatz",
    "ArtifactDescriptor",
    "Backend",
    "BackendName",
    "BadRequestError",
    "BaseJob",
    "Characterization",
    "CharacterizationPage",
    "CircuitJobCompilationSettings",
    "CircuitJobCreate",
    "CircuitJobErrorMitigationSettings",
    "CircuitJobOutput",
    "CircuitJobResults",
    "CircuitJobSettings",
    "CircuitJobStats",
    "CloneJobPayload",
    "CompilationOutput",
    "CompilationOutputCompiledCircuits",
    "CompilationSettings",
    "Cost",
    "CostEstimate",
    "DebiasingOutput",
    "Error",
    "ErrorMitigation",
    "ErrorMitigationOutput",
    "EstimateContext",
    "Fidelity",
    "FidelityStatistic",
    "FormatSchema",
    "GateCounts",
    "GenericQuantumFunctionInput",
    "GenericQuantumFunctionInputData",
    "GroupUsage",
    "HamiltonianEnergyData",
    "HamiltonianEnergyInput",
    "HamiltonianEnergyInputData",
    "HamiltonianPauliTerm",
    "Histogram",
    "HistogramV2",
    "JobCanceled",
    "JobCommon",
    "JobCost",
    "JobCreateBase",
    "JobCreated",
    "JobDeleted",
    "JobFailure",
    "JobIds",
    "JobMetadata",
    "JobPage",
    "JobsCanceled",
    "JobsDeleted",
    "JobSettings",
    "JobStatus",
    "JobType",
    "JobUpdate",
    "JsonObject",
    "LinearConstraint",
    "Metadata",
    "MultiCircuitInput",
    "MultiCircuitInputGateset",
    "MultiCircuitJob",
    "MultiCircuitJobCreate",
    "NativeCircuitEntry",
    "NativeCircuitInput",
    "NativeGpiGate",
    "NativeGpiGateGate",
    "NativeMsGate",
    "NativeMsGateGate",
    "NativeNopGate",
    "NativeNopGateGate",
    "NativeZzGate",
    "NativeZzGateGate",
    "NativeZzGatePhase",
    "NativeZzGatePhaseGate",
    "Noise",
    "Probabilities",
    "ProbabilitiesV2",
    "QaoaExternalSettings",
    "QaoaInput",
    "QaoaInputProblem",
    "QaoaInputProblemType",
    "QaoaJob",
    "QaoaJobCreate",
    "QaoaJobResults",
    "QaoaResults",
    "Qasm3Input",
    "Qasm3JobCreate",
    "QisCircuitEntry",
    "QisCircuitInput",
    "QisFixedGate",
    "QisFixedGateGate",
    "QisPairRotationGate",
    "QisPairRotationGateGate",
    "QisPauliExpGate",
    "QisPauliExpGateGate",
    "QisPauliExpGatePaulisItem",
    "QisRotationGate",
    "QisRotationGateGate",
    "QisSwapGate",
    "QisSwapGateGate",
    "QuadraticConstraint",
    "QuantumFunctionJob",
    "QuantumFunctionJobCreate",
    "QuantumFunctionJobResults",
    "QuantumFunctionJobSettings",
    "RateCard",
    "RateCardEntry",
    "RegisterDistribution",
    "RegisteredHistogram",
    "RegisteredHistogramRegisters",
    "RegisteredProbabilities",
    "RegisteredProbabilitiesRegisters",
    "Registers",
    "RequestValidation",
    "ResultFormat",
    "ResultLink",
    "Session",
    "SessionCostLimit",
    "SessionCreate",
    "SessionList",
    "SessionSettings",
    "SessionSettingsRequest",
    "ShotResult",
    "ShotResultRegisters",
    "ShotsV2",
    "SingleCircuitJob",
    "SingleCircuitJobType",
    "SpamFidelity",
    "SymmetryVerificationOutput",
    "Timing",
    "Usage",
    "UsageAmount",
    "UsageGroupBy",
    "UsageModality",
    "Usages",
    "VariantInfo",
    "VariantResults",
    "Whoami",
)
