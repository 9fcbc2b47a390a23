"""Contains all the data models used in inputs/outputs"""

from .aggregated_probabilities import AggregatedProbabilities
from .backend import Backend
from .backend_name import BackendName
from .backend_status import BackendStatus
from .bad_request_error import BadRequestError
from .characterization import Characterization
from .characterization_page import CharacterizationPage
from .circuit_job_create import CircuitJobCreate
from .compilation_settings import CompilationSettings
from .cost import Cost
from .cost_estimate import CostEstimate
from .error import Error
from .error_mitigation import ErrorMitigation
from .estimate_input import EstimateInput
from .fidelity import Fidelity
from .fidelity_statistic import FidelityStatistic
from .gate_counts import GateCounts
from .job import Job
from .job_canceled import JobCanceled
from .job_cost import JobCost
from .job_create_base import JobCreateBase
from .job_created import JobCreated
from .job_deleted import JobDeleted
from .job_failure import JobFailure
from .job_failure_code import JobFailureCode
from .job_ids import JobIds
from .job_output import JobOutput
from .job_page import JobPage
from .job_results import JobResults
from .job_settings import JobSettings
from .job_stats import JobStats
from .job_status import JobStatus
from .job_type import JobType
from .job_update import JobUpdate
from .jobs_canceled import JobsCanceled
from .jobs_deleted import JobsDeleted
from .metadata import Metadata
from .multi_circuit_job_create import MultiCircuitJobCreate
from .native_circuit_entry import NativeCircuitEntry
from .native_circuit_input import NativeCircuitInput
from .native_gpi_gate import NativeGpiGate
from .native_gpi_gate_gate import NativeGpiGateGate
from .native_ms_gate import NativeMsGate
from .native_ms_gate_gate import NativeMsGateGate
from .native_multi_circuit_input import NativeMultiCircuitInput
from .native_zz_gate import NativeZzGate
from .native_zz_gate_gate import NativeZzGateGate
from .native_zz_gate_phase import NativeZzGatePhase
from .native_zz_gate_phase_gate import NativeZzGatePhaseGate
from .noise import Noise
from .noise_model import NoiseModel
from .probabilities import Probabilities
from .qis_circuit_entry import QisCircuitEntry
from .qis_circuit_input import QisCircuitInput
from .qis_fixed_gate import QisFixedGate
from .qis_fixed_gate_gate import QisFixedGateGate
from .qis_multi_circuit_input import QisMultiCircuitInput
from .qis_pair_rotation_gate import QisPairRotationGate
from .qis_pair_rotation_gate_gate import QisPairRotationGateGate
from .qis_rotation_gate import QisRotationGate
from .qis_rotation_gate_gate import QisRotationGateGate
from .qis_swap_gate import QisSwapGate
from .qis_swap_gate_gate import QisSwapGateGate
from .rate_information import RateInformation
from .request_validation import RequestValidation
from .request_validation_source import RequestValidationSource
from .result_link import ResultLink
from .session import Session
from .session_create import SessionCreate
from .session_page import SessionPage
from .session_settings import SessionSettings
from .session_status import SessionStatus
from .timing import Timing
from .whoami import Whoami

__all__ = (
    "AggregatedProbabilities",
    "Backend",
    "BackendName",
    "BackendStatus",
    "BadRequestError",
    "Characterization",
    "CharacterizationPage",
    "CircuitJobCreate",
    "CompilationSettings",
    "Cost",
    "CostEstimate",
    "Error",
    "ErrorMitigation",
    "EstimateInput",
    "Fidelity",
    "FidelityStatistic",
    "GateCounts",
    "Job",
    "JobCanceled",
    "JobCost",
    "JobCreateBase",
    "JobCreated",
    "JobDeleted",
    "JobFailure",
    "JobFailureCode",
    "JobIds",
    "JobOutput",
    "JobPage",
    "JobResults",
    "JobsCanceled",
    "JobsDeleted",
    "JobSettings",
    "JobStats",
    "JobStatus",
    "JobType",
    "JobUpdate",
    "Metadata",
    "MultiCircuitJobCreate",
    "NativeCircuitEntry",
    "NativeCircuitInput",
    "NativeGpiGate",
    "NativeGpiGateGate",
    "NativeMsGate",
    "NativeMsGateGate",
    "NativeMultiCircuitInput",
    "NativeZzGate",
    "NativeZzGateGate",
    "NativeZzGatePhase",
    "NativeZzGatePhaseGate",
    "Noise",
    "NoiseModel",
    "Probabilities",
    "QisCircuitEntry",
    "QisCircuitInput",
    "QisFixedGate",
    "QisFixedGateGate",
    "QisMultiCircuitInput",
    "QisPairRotationGate",
    "QisPairRotationGateGate",
    "QisRotationGate",
    "QisRotationGateGate",
    "QisSwapGate",
    "QisSwapGateGate",
    "RateInformation",
    "RequestValidation",
    "RequestValidationSource",
    "ResultLink",
    "Session",
    "SessionCreate",
    "SessionPage",
    "SessionSettings",
    "SessionStatus",
    "Timing",
    "Whoami",
)
