package com.rapport.insights.policy;

import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.web.ActingUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** The health policy in force, its history, and a change of it: a sales leader's, or calibration's proposal applied. */
@RestController
class PolicyController {

    /**
     * @param changes changes to the policy in force, in its JSON shape: see {@link CandidatePolicies}
     * @param note    why
     * @param staffId who changes it; left out, the user the gateway signed in
     */
    record PolicyChange(@NotNull ObjectNode changes, @NotBlank @Size(max = 2000) String note, @StaffId String staffId) {
    }

    private final Policies policies;
    private final CandidatePolicies candidates;

    PolicyController(Policies policies, CandidatePolicies candidates) {
        this.policies = policies;
        this.candidates = candidates;
    }

    @GetMapping("/api/insights/policy")
    PolicyVersion current() {
        return policies.history().current();
    }

    /** Every version, the configuration (version 0) first. */
    @GetMapping("/api/insights/policy/history")
    List<PolicyVersion> history() {
        return policies.history().versions();
    }

    /** Puts the policy in force with the changes given in force from now on, and answers its new version. */
    @PutMapping("/api/insights/policy")
    PolicyVersion change(@Valid @RequestBody PolicyChange change,
                         @RequestHeader(name = ActingUser.HEADER, required = false) String user, HttpServletRequest http) {
        String staffId = ActingUser.requiredStaffId(change.staffId(), user);
        PolicyVersion inForce = policies.history().current();
        try {
            return policies.change(inForce, candidates.over(inForce.policy(), change.changes(), "changes", http),
                    staffId, change.note());
        } catch (Policies.RebuildNeeded window) {
            throw new InvalidField("changes." + window.setting(), "NeedsRebuild", window.getMessage());
        }
    }
}
