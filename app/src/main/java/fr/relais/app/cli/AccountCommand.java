package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.account.AccountService;
import fr.relais.core.session.UserSession;
import fr.relais.core.account.Account;
import fr.relais.core.error.BadInputException;
import fr.relais.core.session.Role;
import fr.relais.core.session.SecretFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code relais account add|list|disable|password|roles}: the workstation's local accounts and roles (issue 9). The first
 * account (an administrator) can be created by whoever holds the workstation; later ones by an administrator signed in
 * through RELAIS_ACCOUNT. Passwords come from a file or are typed twice, never from the command line.
 */
@Command(name = "account", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {AccountCommand.Add.class, AccountCommand.ListAccounts.class, AccountCommand.Disable.class,
                AccountCommand.Password.class, AccountCommand.Roles.class})
final class AccountCommand {
    private AccountCommand() {
    }

    /** What changing a password uses: the accounts, and who signed in (changing one's own asks the current one). */
    record PasswordUses(AccountService accounts, UserSession session) {
    }

    static Map<String, Object> json(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("userId", a.userId());
        json.put("displayName", a.displayName());
        json.put("roles", a.roles().stream().map(Role::name).sorted().toList());
        json.put("rpps", a.rpps());
        json.put("active", a.active());
        json.put("createdAt", a.createdAt().toString());
        json.put("createdBy", a.createdBy());
        return json;
    }

    /** From {@code --password-file}, or typed twice at the console. */
    static char[] newPassword(RelaisCommand root, Path file) {
        if (file != null) {
            return SecretFile.firstLine(file);
        }
        char[] first = root.typed(root.text("account.prompt.new"));
        if (first.length == 0) {
            throw new BadInputException("--password-file", "account.password.missing");
        }
        char[] again = root.typed(root.text("account.prompt.again"));
        if (!Arrays.equals(first, again)) {
            throw new BadInputException("--password-file", "account.password.mismatch");
        }
        Arrays.fill(again, '\0');
        return first;
    }

    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Add extends Leaf.WithServices<AccountService> {
        @Option(names = "--user", required = true, descriptionKey = "account.user")
        String user;
        @Option(names = "--name", descriptionKey = "account.name")
        String name;
        @Option(names = "--role", required = true, descriptionKey = "account.role")
        List<Role> roles;
        @Option(names = "--rpps", descriptionKey = "account.rpps")
        String rpps;
        @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "account.passwordFile")
        Path passwordFile;

        Add() {
            super(CommandWiring.ACCOUNTS);
        }

        @Override
        int run(RelaisCommand root, AccountService accounts) {
            char[] password = newPassword(root, passwordFile);
            try {
                Account added = accounts.add(user, name, EnumSet.copyOf(roles), rpps, password);
                root.printer().object(json(added), o -> o.println(root.text("account.added", added.userId(), added.roles())));
            } finally {
                Arrays.fill(password, '\0');
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListAccounts extends Leaf.WithServices<AccountService> {
        ListAccounts() {
            super(CommandWiring.ACCOUNTS);
        }

        @Override
        int run(RelaisCommand root, AccountService accounts) {
            List<Account> all = accounts.list();
            root.printer().list(all, List.of(
                    new Column<>("userId", "col.id", Account::userId),
                    new Column<>("displayName", "col.name", Account::displayName),
                    new Column<>("roles", "col.roles", a -> String.join(",", a.roles().stream().map(Role::name).sorted().toList())),
                    new Column<>("rpps", "col.rpps", Account::rpps),
                    new Column<>("active", "col.active", Account::active)), AccountCommand::json);
            return Cli.OK;
        }
    }

    @Command(name = "disable", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Disable extends Leaf.WithServices<AccountService> {
        @Parameters(index = "0", paramLabel = "USER", descriptionKey = "account.user")
        String user;

        Disable() {
            super(CommandWiring.ACCOUNTS);
        }

        @Override
        int run(RelaisCommand root, AccountService accounts) {
            Account disabled = accounts.disable(user);
            root.printer().object(json(disabled), o -> o.println(root.text("account.disabled", disabled.userId())));
            return Cli.OK;
        }
    }

    /** {@code relais account roles USER --role R...}: replaces an account's roles (administrator; ADMINISTRATEUR alone). */
    @Command(name = "roles", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Roles extends Leaf.WithServices<AccountService> {
        @Parameters(index = "0", paramLabel = "USER", descriptionKey = "account.user")
        String user;
        @Option(names = "--role", required = true, descriptionKey = "account.role")
        List<Role> roles;

        Roles() {
            super(CommandWiring.ACCOUNTS);
        }

        @Override
        int run(RelaisCommand root, AccountService accounts) {
            Account changed = accounts.changeRoles(user, EnumSet.copyOf(roles));
            root.printer().object(json(changed), o -> o.println(root.text("account.rolesChanged", changed.userId(),
                    String.join(", ", changed.roles().stream().map(Role::name).sorted().toList()))));
            return Cli.OK;
        }
    }

    @Command(name = "password", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Password extends Leaf.WithServices<PasswordUses> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "USER", descriptionKey = "account.passwordUser")
        String user;
        @Option(names = "--password-file", paramLabel = "FILE", descriptionKey = "account.passwordFile")
        Path passwordFile;

        Password() {
            super(CommandWiring.PASSWORD);
        }

        @Override
        int run(RelaisCommand root, PasswordUses uses) {
            String target = user != null ? user : uses.session().actor().userId();
            char[] next = newPassword(root, passwordFile);
            // Your own password: the current one was checked when the command signed in.
            char[] current = target.equals(uses.session().actor().userId()) ? root.currentAccountPassword() : null;
            try {
                uses.accounts().changePassword(target, current, next);
            } finally {
                Arrays.fill(next, '\0');
                if (current != null) {
                    Arrays.fill(current, '\0');
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("userId", target);
            json.put("passwordChanged", true);
            root.printer().object(json, o -> o.println(root.text("account.passwordChanged", target)));
            return Cli.OK;
        }
    }
}
